import Foundation

/// Runs one or more streams' paging loops, each on a thread of its own, a page or two ahead of the caller.
///
/// The caller writes each page (and the cursor it came with) meanwhile; an import reads and maps its file's records
/// this way too.
///
/// The network wait and the parsing of the next pages overlap the writing of this one; several streams listed at once
/// keep the writer busy while one of them waits on the server. A crash still loses nothing, since a page's cursor is
/// saved only once the page is written.
///
/// Each producer owns its HTTP client while it runs (libcurl handles are not shared across threads) and delivers its
/// pages in order; pages of different producers arrive as they come. A producer's error reaches the caller once the
/// pages queued before it are read, and stops the listing. `finish()` stops every producer and waits for their
/// threads; call it before their clients are used again.
public final class PagePrefetcher<Page>: @unchecked Sendable {
    /// Thrown into a producer when the caller has stopped reading.
    struct Stopped: Error {}

    /// A paging loop: it hands each page to `deliver`, which waits while `depth` of its pages are unread.
    public typealias Producer = (_ deliver: (Page) throws -> Void) throws -> Void

    private let condition = NSCondition()
    private var queue: [(producer: Int, page: Page)] = []
    private var unread: [Int]
    private var failure: Error?
    private var running: Int
    private var stopped = false
    private var finished = false
    private let depth: Int
    private let exited = DispatchSemaphore(value: 0)

    /// Starts each producer on its own thread.
    public init(depth: Int = 2, producers: [Producer]) {
        self.depth = depth
        self.unread = Array(repeating: 0, count: producers.count)
        self.running = producers.count
        for (index, produce) in producers.enumerated() {
            let thread = Thread { [self] in
                do {
                    try produce { page in try deliver(page, from: index) }
                } catch is Stopped {
                } catch {
                    // The listing stops: the other producers too, once the pages already queued are read.
                    condition.lock()
                    failure = failure ?? error
                    stopped = true
                    condition.broadcast()
                    condition.unlock()
                }
                condition.lock()
                running -= 1
                condition.broadcast()
                condition.unlock()
                exited.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Starts one producer.
    public convenience init(depth: Int = 2, produce: @escaping Producer) {
        self.init(depth: depth, producers: [produce])
    }

    private func deliver(_ page: Page, from producer: Int) throws {
        condition.lock()
        defer { condition.unlock() }
        while unread[producer] >= depth && !stopped { condition.wait() }
        if stopped { throw Stopped() }
        queue.append((producer, page))
        unread[producer] += 1
        condition.broadcast()
    }

    /// The next page, nil after the last one of every producer, or a producer's error once the pages queued before it
    /// are read.
    public func next() throws -> Page? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && running > 0 && failure == nil { condition.wait() }
        if !queue.isEmpty {
            let (producer, page) = queue.removeFirst()
            unread[producer] -= 1
            condition.broadcast()
            return page
        }
        if let failure { throw failure }
        return nil
    }

    /// Stops the producers (at their next delivery) and waits for their threads to end.
    ///
    /// Safe to call more than once.
    public func finish() {
        condition.lock()
        let alreadyFinished = finished
        finished = true
        stopped = true
        condition.broadcast()
        condition.unlock()
        if !alreadyFinished { for _ in unread { exited.wait() } }
    }
}
