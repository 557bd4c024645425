/// The database engine behind a `Database`: an SQLite file (the default) or a PostgreSQL server.
public enum Engine: String, Sendable, CaseIterable {
    case sqlite, postgres

    /// The engine a `--db` value names: a `postgresql://` or `postgres://` URI is PostgreSQL, anything else a file.
    public init(location: String) {
        self = location.hasPrefix("postgresql://") || location.hasPrefix("postgres://") ? .postgres : .sqlite
    }

    /// The engine's name in messages.
    public var displayName: String { self == .sqlite ? "SQLite" : "PostgreSQL" }
}
