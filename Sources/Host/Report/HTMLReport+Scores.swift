extension HTMLReport {
    /// The scores a report covers: those named, or every configured score with a current run; refuses when that
    /// leaves none.
    public func scores(named names: [String], configuration: ScorebookConfiguration) throws -> [String] {
        guard names.isEmpty else { return names }
        let chosen = try configuration.scores.map(\.name).filter { try store.latestRun(of: $0) != nil }
        guard !chosen.isEmpty else { throw HostError.nothingRunYet }
        return chosen
    }
}
