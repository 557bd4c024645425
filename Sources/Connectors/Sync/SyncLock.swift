import Foundation

/// One sync per database at a time: an exclusive `flock` on `<database>.sync-lock`.
///
/// The kernel releases the lock when the process ends, however it ends, so a crashed sync never leaves it stuck.
public final class SyncLock {
    private let descriptor: Int32

    /// Takes the lock or fails at once, saying another sync holds it.
    public init(databasePath: String) throws {
        let path = databasePath + ".sync-lock"
        descriptor = open(path, O_CREAT | O_RDWR, 0o644)
        guard descriptor >= 0 else {
            throw SyncError(what: "sync", reason: "cannot open the lock file \(path): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw SyncError(what: "sync", reason: "another sync is running on \(databasePath)")
        }
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
