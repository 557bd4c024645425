import Store

extension Demo {
    /// The runs stored in the demo's database, once `run` has made them.
    public func runArchive() throws -> RunArchive {
        RunArchive(database: try Database(path: databasePath))
    }
}
