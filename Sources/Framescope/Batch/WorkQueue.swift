import Foundation

/// A bounded blocking queue between the corpus walker and the workers: the walker waits when it
/// is full, so memory stays bounded whatever the corpus size.
///
/// A full queue wakes the walker only once it has drained to half, and a push wakes workers only
/// when one is waiting: waking the walker for every item popped cost two futex calls and two
/// context switches per document.
final class WorkQueue<Item>: @unchecked Sendable {
    private var items: [Item] = []
    private var head = 0
    private var closed = false
    private let capacity: Int
    /// The walker, once it waits on a full queue, is woken when this many items or fewer are left.
    private let lowWater: Int
    private var producerWaiting = false
    private var consumersWaiting = 0
    private let condition = NSCondition()
    /// The most items ever waiting at once (never above the capacity).
    private(set) var highWater = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        lowWater = self.capacity / 2
    }

    func push(_ item: Item) {
        condition.lock()
        if items.count - head >= capacity {
            producerWaiting = true
            while items.count - head > lowWater { condition.wait() }
            producerWaiting = false
        }
        items.append(item)
        highWater = max(highWater, items.count - head)
        let wake = consumersWaiting > 0
        condition.unlock()
        // Outside the lock, so the woken thread does not block on it at once.
        if wake { condition.broadcast() }
    }

    /// nil once the queue is closed and empty.
    func pop() -> Item? {
        condition.lock()
        while head == items.count && !closed {
            consumersWaiting += 1
            condition.wait()
            consumersWaiting -= 1
        }
        guard head < items.count else { condition.unlock(); return nil }
        let item = items[head]
        head += 1
        if head > 1024 && head * 2 > items.count { items.removeFirst(head); head = 0 }
        let wake = producerWaiting && items.count - head <= lowWater
        condition.unlock()
        if wake { condition.broadcast() }
        return item
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// A value behind a lock, for the few things workers share (summaries, failures, counts).
public final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    public init(_ value: Value) { self.value = value }
    public func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
