import Foundation

/// Results encoded on one thread and inserted on another, at most `limit` waiting between them.
///
/// The encoder stops when the inserter gives up (`cancelAndWait`), and a failure to encode reaches the inserter after the
/// results before it.
final class ResultHandoff<Item> {
    private let condition = NSCondition()
    private let limit: Int
    private var waiting: [Item] = []
    private var ended = false
    private var failure: Error?
    private var cancelled = false

    init(limit: Int) { self.limit = limit }

    /// Hands over one item, waiting while `limit` are waiting; false once the inserter has given up.
    func put(_ item: Item) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while waiting.count >= limit && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        waiting.append(item)
        condition.broadcast()
        return true
    }

    /// Ends the handoff, with the encoder's error if it failed.
    func end(failing error: Error? = nil) {
        condition.lock()
        ended = true
        failure = error
        condition.broadcast()
        condition.unlock()
    }

    /// Everything waiting, once there is something; empty at the end.
    ///
    /// Throws the encoder's error once the items before it are taken.
    func take() throws -> [Item] {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !ended { condition.wait() }
        let items = waiting
        waiting.removeAll(keepingCapacity: true)
        condition.broadcast()
        if items.isEmpty, let failure { throw failure }
        return items
    }

    /// Tells the encoder to stop, and waits until it has.
    func cancelAndWait() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while !ended { condition.wait() }
        condition.unlock()
    }
}
