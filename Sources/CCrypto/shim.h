#include <openssl/evp.h>
#include <openssl/hmac.h>

/// HMAC-SHA256 of `message` under `key` into `digest` (32 bytes); 1 on success, 0 on failure. Wraps the one-shot
/// `HMAC` with `EVP_sha256()` so Swift passes plain buffers.
static inline int ccrypto_hmac_sha256(const unsigned char *key, int key_length, const unsigned char *message,
                                      size_t message_length, unsigned char digest[32]) {
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key, key_length, message, message_length, digest, &length) == NULL) return 0;
    return length == 32;
}
