import Foundation

/// Writes CSV rows to a file through a buffer.
final class CSVWriter {
    private let handle: FileHandle
    private var buffer = ""
    private(set) var rows = 0

    init(path: String, header: [String]) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else {
            throw GeneratorError(message: "cannot write \(path)")
        }
        self.handle = handle
        buffer.reserveCapacity(1 << 20)
        buffer += header.joined(separator: ",") + "\n"
    }

    func write(_ fields: [String]) throws {
        buffer += CSVField.row(fields)
        buffer += "\n"
        rows += 1
        if buffer.utf8.count >= 1 << 20 { try flush() }
    }

    func close() throws {
        try flush()
        try handle.close()
    }

    private func flush() throws {
        try handle.write(contentsOf: Data(buffer.utf8))
        buffer.removeAll(keepingCapacity: true)
    }
}

/// A generator failure, in one line.
public struct GeneratorError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
