import Foundation

/// Writes the files commands are asked to write, failing in one line with the path and the system's reason
/// (Foundation's own error is a dump: `Error Domain=NSCocoaErrorDomain Code=4 …`).
enum FileWriting {
    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
            let reason = underlying.map { String(cString: strerror(Int32($0.code))) } ?? "cannot be written"
            throw CleanError("cannot write \(path): \(reason)")
        }
    }
}
