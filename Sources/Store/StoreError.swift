import CSQLite

/// The Store's one error: the engine's result code and message, and what we were doing.
///
/// One line, as GRDB prints it: `SQLite error 19: NOT NULL constraint failed: invoices.status - while executing
/// `INSERT INTO invoices ...``, with the whole statement however long; PostgreSQL's errors carry their SQLSTATE
/// (`PostgreSQL error 23505: ...`). Bound values are never printed, so customer data and tokens stay out of logs.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// The engine that failed.
    public let engine: Engine
    /// SQLite's primary or extended result code (0 on PostgreSQL).
    public let code: Int32
    /// PostgreSQL's SQLSTATE, when the server sent one.
    public let state: String?
    /// The engine's message.
    public let message: String
    /// The statement or action that failed.
    public let context: String

    /// Creates an error.
    public init(engine: Engine = .sqlite, code: Int32 = 0, state: String? = nil, message: String, context: String) {
        self.engine = engine
        self.code = code
        self.state = state
        self.message = message
        self.context = context
    }

    /// One line with the whole statement: its line breaks and indentation become single spaces.
    public var description: String {
        let words = context.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
        let number = engine == .sqlite ? "\(code)" : state ?? "(no SQLSTATE)"
        return "\(engine.displayName) error \(number): \(message) - while \(words.joined(separator: " "))"
    }

    /// True when SQLite gave up waiting for another connection's lock.
    public var isBusy: Bool { engine == .sqlite && code & 0xFF == SQLITE_BUSY }

    /// True for a UNIQUE or FOREIGN KEY constraint failure.
    public var isConstraint: Bool {
        engine == .sqlite ? code & 0xFF == SQLITE_CONSTRAINT : state?.hasPrefix("23") == true
    }
}
