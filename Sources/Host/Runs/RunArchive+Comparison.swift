import Store

extension RunArchive {
    /// The comparison of two runs the user names (`NAME`, `NAME@ID`, `NAME@DATE`), which must be different runs.
    public func comparison(of first: String, and second: String) throws -> Comparison {
        let a = try run(first)
        let b = try run(second)
        guard a.id != b.id else { throw HostError.sameRun(id: a.id) }
        return try comparison(a, b)
    }

    /// The comparison of two stored runs, over their common accounts.
    public func comparison(_ first: ScoreRun, _ second: ScoreRun) throws -> Comparison {
        try Comparison(first: first, second: second, store: store)
    }
}
