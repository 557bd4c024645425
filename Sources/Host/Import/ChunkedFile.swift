import Foundation

/// Reads a file in fixed-size chunks, so memory does not grow with the file.
final class ChunkedFile {
    private let handle: FileHandle
    static let chunkSize = 1 << 20
    /// Bytes read so far (what an import's progress compares with the file's size).
    private(set) var bytesRead = 0

    init(path: String, displayName: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ImportError(file: displayName, line: nil, reason: "no such file")
        }
        guard !isDirectory.boolValue else {
            throw ImportError(file: displayName, line: nil, reason: "is a directory; name a CSV or JSON Lines file")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(file: displayName, line: nil, reason: "cannot open the file (permissions?)")
        }
        self.handle = handle
        self.displayName = displayName
    }

    private let displayName: String

    deinit { try? handle.close() }

    /// The next chunk, or nil at the end.
    func next() throws -> [UInt8]? {
        let data: Data?
        do {
            data = try handle.read(upToCount: Self.chunkSize)
        } catch {
            throw ImportError(
                file: displayName, line: nil, reason: "cannot be read: \(String(cString: strerror(errno)))")
        }
        guard let data, !data.isEmpty else { return nil }
        bytesRead += data.count
        return [UInt8](data)
    }
}
