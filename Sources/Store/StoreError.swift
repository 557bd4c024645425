import CSQLite

/// The Store's one error: SQLite's result code and message, and what we were doing.
///
/// One line, as GRDB prints it: `SQLite error 19: NOT NULL constraint failed: invoices.status - while executing
/// `INSERT INTO invoices ...``, with the whole statement however long. Bound values are never printed, so customer
/// data and tokens stay out of logs.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// SQLite's primary or extended result code.
    public let code: Int32
    /// SQLite's message.
    public let message: String
    /// The statement or action that failed.
    public let context: String

    /// Creates an error.
    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// One line with the whole statement: its line breaks and indentation become single spaces.
    public var description: String {
        let words = context.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        return "SQLite error \(code): \(message) - while \(words.joined(separator: " "))"
    }

    /// True for a UNIQUE or FOREIGN KEY constraint failure.
    public var isConstraint: Bool { code & 0xFF == SQLITE_CONSTRAINT }
}
