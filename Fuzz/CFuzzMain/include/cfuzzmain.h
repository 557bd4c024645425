#ifndef CFUZZMAIN_H
#define CFUZZMAIN_H
/// Nothing to call from Swift: this target supplies the harness's entry point (see fuzz_main.c).
#endif
