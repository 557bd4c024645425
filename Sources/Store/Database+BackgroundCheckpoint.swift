import CSQLite
import Foundation

extension Database {
    /// Runs `body` while another connection, on a thread of its own, copies the WAL back into the database file.
    ///
    /// It is SQLite's passive checkpoint: it never blocks this connection's writes, and copies only what no reader
    /// still needs. On PostgreSQL it just runs `body`.
    ///
    /// For a sync's last step, building the indexes it set aside: that is sorting, mostly on one core, and the copy
    /// of a bulk listing's WAL waited for the connection's close after it. On a 10k-account Stripe sync the close
    /// took 0.35-0.42 s; overlapped, the sync took 2.99-3.04 s instead of 3.32-3.48 s.
    ///
    /// What the checkpoint leaves (it may fail, or find a reader in the way) is copied at close, as without it, so
    /// its errors are not this call's.
    public func checkpointing<T>(while body: () throws -> T) throws -> T {
        guard engine == .sqlite, let checkpointer = try? reopen() else { return try body() }
        let copied = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            try? checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)")
            copied.signal()
        }
        defer { copied.wait() }
        return try body()
    }
}
