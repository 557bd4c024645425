import Foundation
import Store

/// Runs numbered jobs over a set of connections, one thread per connection, each taking the next job when it is
/// free; returns the results in job order, or the first error.
///
/// A connection is used by one thread at a time (SQLite's connections are opened without their own mutex), and
/// a job's result is the only thing that crosses threads.
struct PassRunner {
    let readers: [Database]

    func run<Result>(_ jobs: Int, _ job: @escaping (Database, Int) throws -> Result) throws -> [Result] {
        guard readers.count > 1, jobs > 1 else { return try (0..<jobs).map { try job(readers[0], $0) } }
        let state = SharedState<Result>(jobs: jobs, readers: readers, job: job)
        DispatchQueue.concurrentPerform(iterations: readers.count) { worker in
            state.work(on: worker)
        }
        return try state.results()
    }
}

/// What the workers share: the connections, the job, the next job to take and the results, behind a lock.
private final class SharedState<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let jobs: Int
    private let readers: [Database]
    private let job: (Database, Int) throws -> Result
    private var outcomes: [Swift.Result<Result, Error>?]

    init(jobs: Int, readers: [Database], job: @escaping (Database, Int) throws -> Result) {
        self.jobs = jobs
        self.readers = readers
        self.job = job
        outcomes = Array(repeating: nil, count: jobs)
    }

    /// Runs jobs on connection `worker` until none is left (or one has failed).
    func work(on worker: Int) {
        while let number = take() {
            let outcome: Swift.Result<Result, Error>
            do {
                outcome = .success(try job(readers[worker], number))
            } catch {
                outcome = .failure(error)
            }
            lock.withLock { outcomes[number] = outcome }
        }
    }

    /// The next job's number, or nil when all are taken or one has failed.
    private func take() -> Int? {
        lock.withLock {
            let failed = outcomes.contains { if case .failure = $0 { true } else { false } }
            guard next < jobs, !failed else { return nil }
            next += 1
            return next - 1
        }
    }

    /// The results in job order; the first failure, in job order, is thrown.
    func results() throws -> [Result] {
        try lock.withLock { outcomes }.compactMap { try $0?.get() }
    }
}
