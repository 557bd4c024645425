import CPostgres

/// What a command sent without waiting answered: the integers of its first row, and how many rows it changed.
struct SentAnswer {
    let firstRow: [Int64]
    let changed: Int
}

extension PostgresConnection {
    /// Sends one command without parameters and returns at once, so the caller can prepare the next one while the
    /// server works; `collectSent` (or the next command) waits for the answer.
    func send(_ sql: String) throws {
        try settle()
        guard PQsendQuery(handle, sql) == 1 else { throw error(nil, context: "sending `\(sql)`") }
        sent = sql
    }

    /// Waits for the command `send` sent and returns its answer, or throws its error; nil when none was sent.
    func collectSent() throws -> SentAnswer? {
        guard let sql = sent else { return nil }
        sent = nil
        var failure: StoreError?
        var firstRow: [Int64] = []
        var changed = 0
        while let result = PQgetResult(handle) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_TUPLES_OK:
                if PQntuples(result) > 0 {
                    firstRow = (0..<PQnfields(result)).map { Int64(String(cString: PQgetvalue(result, 0, $0))) ?? 0 }
                }
            case PGRES_COMMAND_OK:
                changed = Int(String(cString: PQcmdTuples(result))) ?? 0
            default:
                failure = failure ?? error(result, context: "executing `\(sql)`")
            }
        }
        if let failure { throw failure }
        return SentAnswer(firstRow: firstRow, changed: changed)
    }
}
