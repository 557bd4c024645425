import CCrypto

/// The HMAC-SHA256 (RFC 2104) of a webhook body under its secret, computed by OpenSSL's libcrypto.
enum WebhookSignature {
    /// The header value for `body`: `sha256=` and the MAC in lower-case hex.
    static func header(secret: String, body: [UInt8]) throws -> String {
        let mac = try hmacSHA256(key: Array(secret.utf8), message: body)
        return "sha256=" + mac.map { String($0 >> 4, radix: 16) + String($0 & 15, radix: 16) }.joined()
    }

    /// The 32-byte HMAC-SHA256 of a message under a key.
    static func hmacSHA256(key: [UInt8], message: [UInt8]) throws -> [UInt8] {
        guard let keyLength = Int32(exactly: key.count) else {
            throw HostError.secretTooLong
        }
        var digest = [UInt8](repeating: 0, count: 32)
        let status = key.withUnsafeBufferPointer { key in
            message.withUnsafeBufferPointer { message in
                ccrypto_hmac_sha256(key.baseAddress, keyLength, message.baseAddress, message.count, &digest)
            }
        }
        guard status == 1 else { throw HostError.signatureFailed }
        return digest
    }
}
