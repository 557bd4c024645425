import Foundation

/// Runs a stream's paging loop on a second thread, one or two pages ahead of the caller, who writes each page (and
/// the cursor it came with) in its own transaction meanwhile. The network wait and the parsing of page N+1 overlap
/// the writing of page N; a crash still loses nothing, since a page's cursor is saved only once the page is written.
///
/// The producer owns its HTTP client while it runs (libcurl handles are not shared across threads). A producer error
/// reaches the caller after the pages delivered before it, so those are written first. `finish()` stops the producer
/// and waits for its thread; call it before the producer's client is used again.
final class PagePrefetcher<Page>: @unchecked Sendable {
    /// Thrown into the producer when the caller has stopped reading.
    struct Stopped: Error {}

    private let condition = NSCondition()
    private var queue: [Page] = []
    private var failure: Error?
    private var producerDone = false
    private var stopped = false
    private let depth: Int
    private let exited = DispatchSemaphore(value: 0)

    /// Starts `produce` on its own thread; it hands each page to `deliver`, which waits while `depth` pages are unread.
    init(depth: Int = 2, produce: @escaping (_ deliver: (Page) throws -> Void) throws -> Void) {
        self.depth = depth
        let thread = Thread { [self] in
            do {
                try produce(deliver)
            } catch is Stopped {
            } catch {
                condition.lock()
                failure = error
                condition.unlock()
            }
            condition.lock()
            producerDone = true
            condition.broadcast()
            condition.unlock()
            exited.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }

    private func deliver(_ page: Page) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= depth && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        queue.append(page)
        condition.broadcast()
    }

    /// The next page in order, nil after the last one, or the producer's error once the pages before it are read.
    func next() throws -> Page? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && !producerDone { condition.wait() }
        if !queue.isEmpty {
            condition.broadcast()
            return queue.removeFirst()
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producer (at its next delivery) and waits for its thread to end. Safe to call more than once.
    func finish() {
        condition.lock()
        let wasStopped = stopped
        stopped = true
        condition.broadcast()
        condition.unlock()
        if !wasStopped { exited.wait() }
    }
}
