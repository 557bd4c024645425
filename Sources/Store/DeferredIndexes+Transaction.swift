extension DeferredIndexes {
    /// Runs `body` with the secondary indexes of `table` dropped, then builds them again, in the caller's transaction.
    ///
    /// A bulk import then writes its rows without a random index insert per row, and builds each index once by
    /// sorting. DDL is transactional in SQLite, so a rollback puts the indexes back as they were and nothing
    /// needs noting in `deferred_indexes`; readers of other connections keep seeing the old indexes until the commit.
    public func withoutSecondaryIndexes<T>(of table: CanonicalTable, _ body: () throws -> T) throws -> T {
        let indexes = try secondaryIndexes(of: table)
        for index in indexes {
            try database.execute("DROP INDEX \"\(index.name)\"")
        }
        let result = try body()
        for index in indexes {
            try database.execute(index.sql)
        }
        return result
    }
}
