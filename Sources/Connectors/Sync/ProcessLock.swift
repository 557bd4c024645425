import Foundation
import ScoreKit
import Store

/// One process at a time per database and job (a sync, the actions of one score).
///
/// On SQLite an exclusive `flock` on `<database>.<job>-lock`; on PostgreSQL, where the processes may be on different
/// machines, a session advisory lock (`pg_try_advisory_lock`) on a connection of its own, keyed by the job and the
/// schema. Either is
/// released when the process ends, however it ends, so a crashed job never leaves it stuck.
public final class ProcessLock {
    private enum Held {
        case file(Int32)
        case advisory(Database, key: Int64)
    }

    private let held: Held

    /// Takes the lock of `job` (a word or two: "sync", "act rfm") on `database`, or fails at once, saying another
    /// holds it.
    public init(database: Database, job: String) throws {
        guard database.engine == .postgres else {
            held = .file(try Self.lockFile(databasePath: database.path, job: job))
            return
        }
        let connection = try database.reopen()
        // Advisory locks are per database; the schema joins the key so two schemas of one database do not collide.
        let schema = try connection.makeStatement("SELECT current_schema()").map { $0.text(0) ?? "" }.first ?? ""
        let key = Self.key(job + " " + schema)
        let taken = try connection.makeStatement("SELECT pg_try_advisory_lock(?)").map([.integer(key)]) {
            $0.integer(0) == 1
        }
        guard taken.first == true else {
            throw SyncError(what: job, reason: "another \(job) is running on \(database.path)")
        }
        held = .advisory(connection, key: key)
    }

    /// Takes the sync lock of a database.
    public static func sync(database: Database) throws -> ProcessLock {
        try ProcessLock(database: database, job: "sync")
    }

    deinit {
        switch held {
        case .file(let descriptor):
            flock(descriptor, LOCK_UN)
            close(descriptor)
        case .advisory(let connection, let key):
            _ = try? connection.makeStatement("SELECT pg_advisory_unlock(?)").map([.integer(key)]) { _ in () }
        }
    }

    private static func lockFile(databasePath: String, job: String) throws -> Int32 {
        let path = databasePath + "." + job.map { $0.isLetter || $0.isNumber ? $0 : "-" } + "-lock"
        let descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw SyncError(what: job, reason: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SyncError(what: job, reason: "another \(job) is running on \(databasePath)")
        }
        return descriptor
    }

    /// A job's advisory lock key: its name's `Fingerprint`, the same across builds and machines.
    static func key(_ job: String) -> Int64 {
        Int64(bitPattern: Fingerprint.value(of: "scorebook " + job))
    }
}
