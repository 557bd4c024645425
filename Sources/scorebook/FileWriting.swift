import Foundation

/// Writes the files commands are asked to write, failing in one line with the path and the system's reason
/// (Foundation's own error is a dump: `Error Domain=NSCocoaErrorDomain Code=4 …`).
enum FileWriting {
    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw CleanError("cannot write \(path): \(reason(error))")
        }
    }

    /// The reason in the system's words where Foundation kept the errno, else named after Foundation's code.
    private static func reason(_ error: Error) -> String {
        if let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError,
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32(underlying.code)))
        }
        switch (error as? CocoaError)?.code {
        case .some(.fileNoSuchFile), .some(.fileWriteInvalidFileName): return "No such file or directory"
        case .some(.fileWriteNoPermission): return "Permission denied"
        case .some(.fileWriteOutOfSpace): return "No space left on device"
        case .some(.fileWriteVolumeReadOnly): return "Read-only file system"
        default: return "the file cannot be written"
        }
    }
}
