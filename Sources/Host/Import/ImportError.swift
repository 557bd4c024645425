/// A problem in an imported file, said as `FILE:LINE: column X: reason`; nothing of the file is written.
public struct ImportError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file as the user named it.
    public let file: String
    /// The 1-based line where the record starts, when the problem is in a record.
    public let line: Int?
    /// The column concerned, if one.
    public let column: String?
    /// What is wrong.
    public let reason: String

    /// Creates an error.
    public init(file: String, line: Int?, column: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        let place = line.map { "\(file):\($0)" } ?? file
        return "\(place): \(column.map { "column \($0): " } ?? "")\(reason)"
    }
}
