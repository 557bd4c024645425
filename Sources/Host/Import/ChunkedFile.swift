import Foundation

/// Reads a file in fixed-size chunks, so memory does not grow with the file.
final class ChunkedFile {
    private let handle: FileHandle
    static let chunkSize = 1 << 20

    init(path: String, displayName: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportError(file: displayName, line: nil, reason: "cannot open the file")
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next chunk, or nil at the end.
    func next() throws -> [UInt8]? {
        guard let data = try handle.read(upToCount: Self.chunkSize), !data.isEmpty else { return nil }
        return [UInt8](data)
    }
}
