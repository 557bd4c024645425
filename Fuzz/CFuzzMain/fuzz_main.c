// SwiftPM links an executable with main defined as `<module>_main`; the harness has no Swift main (it is built with
// -parse-as-library), so this entry point hands the process to libFuzzer's driver with the Swift target's
// LLVMFuzzerTestOneInput.
#include <stddef.h>
#include <stdint.h>

#include "cfuzzmain.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int scorebook_fuzz_main(int argc, char **argv) {
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
