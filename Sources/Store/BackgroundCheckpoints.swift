import CSQLite
import Foundation

/// Copies the WAL back into an SQLite file on a second connection and thread after each commit, while the writer goes
/// on with its next transaction.
///
/// A checkpoint on the writer's own connection (SQLite's `wal_autocheckpoint`) stops the writer while it reads each
/// page back from the WAL, writes it to the file and syncs both: on a sync of M's size the fetching threads meanwhile
/// filled their queues and a core stood idle for up to a second, after every run of pages. Done here, it does not stop
/// the writer. But the WAL starts again from its beginning only when a transaction begins after all of it is copied
/// back, which a writer that never pauses does not do: so once the WAL is past `restartBytes`, a commit waits for a
/// checkpoint of everything, and the next transaction starts the WAL again.
///
/// The writer's commits reach it through SQLite's WAL hook, which says how many frames the WAL holds after each and
/// takes the place of `wal_autocheckpoint` on that connection until `stop`.
final class BackgroundCheckpoints {
    private let writer: OpaquePointer
    private let connection: Database
    private let handle: OpaquePointer
    private let restartFrames: Int
    private let condition = NSCondition()
    /// Commits signalled and checkpoints done, counted: a commit that waits, waits for one begun after it.
    private var requested = 0
    private var finished = 0
    private var stopping = false
    private var running = true

    /// Starts checkpointing the WAL of `database`, an SQLite file, on a connection of its own.
    init(database: Database, restartBytes: Int) throws {
        connection = try database.reopen()
        guard case .sqlite(let writer) = database.connection, case .sqlite(let handle) = connection.connection else {
            throw StoreError(
                code: SQLITE_MISUSE, message: "not an SQLite file", context: "checkpointing in the background")
        }
        self.writer = writer
        self.handle = handle
        let pageBytes = try connection.makeStatement("PRAGMA page_size").map { Int($0.integer(0)) }.first ?? 4096
        restartFrames = max(1, restartBytes / pageBytes)
        let thread = Thread { [self] in run() }
        thread.name = "checkpoints"
        thread.start()
        sqlite3_wal_hook(
            writer,
            { context, _, _, frames in
                guard let context else { return SQLITE_OK }
                let checkpoints = Unmanaged<BackgroundCheckpoints>.fromOpaque(context).takeUnretainedValue()
                checkpoints.committed(frames: Int(frames))
                return SQLITE_OK
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    /// Asks for a checkpoint of a commit that left `frames` in the WAL; past the limit, waits until it is done.
    private func committed(frames: Int) {
        condition.lock()
        defer { condition.unlock() }
        requested += 1
        condition.broadcast()
        guard frames >= restartFrames else { return }
        let ticket = requested
        while finished < ticket && running { condition.wait() }
    }

    /// Takes the writer's WAL hook back and stops the thread once the checkpoint it is running, if any, is done.
    func stop() {
        sqlite3_wal_hook(writer, nil, nil)
        condition.lock()
        stopping = true
        condition.broadcast()
        while running { condition.wait() }
        condition.unlock()
    }

    private func run() {
        condition.lock()
        while true {
            while requested == finished && !stopping { condition.wait() }
            if stopping { break }
            let ticket = requested
            condition.unlock()
            var log: Int32 = 0
            var copied: Int32 = 0
            // PASSIVE: copies what no reader still needs, and never waits for the writer or a reader.
            _ = sqlite3_wal_checkpoint_v2(handle, nil, SQLITE_CHECKPOINT_PASSIVE, &log, &copied)
            condition.lock()
            finished = ticket
            condition.broadcast()
        }
        running = false
        condition.broadcast()
        condition.unlock()
    }
}
