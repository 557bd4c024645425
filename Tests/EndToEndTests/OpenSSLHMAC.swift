import Foundation

/// HMAC-SHA256 as the `openssl dgst` command computes it, in lower-case hex: a check on webhook signatures that
/// shares no code with scorebook's.
func opensslHMACSHA256(key: String, message: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["openssl", "dgst", "-sha256", "-hmac", key, "-r"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(message.utf8))
    try input.fileHandleForWriting.close()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationStatus == 0, let mac = text.split(separator: " ").first, mac.count == 64 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "openssl dgst failed: \(text)"])
    }
    return String(mac)
}
