import CPostgres

/// The results of one query read in libpq's single-row mode: one result per row, then a last empty one.
///
/// Rows are read from the wire as the caller asks for them, so a large result never sits in memory whole, unless
/// another command needs the connection first: then `drain` reads the rest into memory and the caller goes on from
/// there.
final class PostgresReader {
    private let connection: PostgresConnection
    private let context: String
    private var buffered: [OpaquePointer] = []
    private var finished = false
    private var failure: StoreError?

    init(connection: PostgresConnection, context: String) {
        self.connection = connection
        self.context = context
    }

    deinit {
        drain()
        buffered.forEach { PQclear($0) }
    }

    /// The next result holding rows (the caller clears it), or nil after the last; throws the query's error.
    func next() throws -> OpaquePointer? {
        while true {
            let result: OpaquePointer?
            if !buffered.isEmpty {
                result = buffered.removeFirst()
            } else if finished {
                result = nil
            } else {
                result = pull()
            }
            guard let result else {
                if let failure { throw failure }
                return nil
            }
            if PQntuples(result) > 0 { return result }
            PQclear(result)
        }
    }

    /// Reads every result still on the wire into memory.
    func drain() {
        while !finished {
            if let result = pull() { buffered.append(result) }
        }
    }

    /// One result from the wire, or nil when the query is over (or failed; the error is kept for `next`).
    private func pull() -> OpaquePointer? {
        guard let result = PQgetResult(connection.handle) else {
            finished = true
            return nil
        }
        switch PQresultStatus(result) {
        case PGRES_SINGLE_TUPLE, PGRES_TUPLES_OK, PGRES_COMMAND_OK:
            return result
        default:
            if failure == nil { failure = connection.error(result, context: context) }
            PQclear(result)
            return nil
        }
    }
}
