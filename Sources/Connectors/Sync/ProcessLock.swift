import Foundation

/// One process at a time per database and job (a sync, the actions of one score): an exclusive `flock` on
/// `<database>.<job>-lock`.
///
/// The kernel releases the lock when the process ends, however it ends, so a crashed job never leaves it stuck.
public final class ProcessLock {
    private let descriptor: Int32

    /// Takes the lock of `job` (a word or two: "sync", "act rfm") or fails at once, saying another holds it.
    public init(databasePath: String, job: String) throws {
        let path = databasePath + "." + job.map { $0.isLetter || $0.isNumber ? $0 : "-" } + "-lock"
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw SyncError(what: job, reason: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SyncError(what: job, reason: "another \(job) is running on \(databasePath)")
        }
    }

    /// Takes the sync lock of a database.
    public static func sync(databasePath: String) throws -> ProcessLock {
        try ProcessLock(databasePath: databasePath, job: "sync")
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
