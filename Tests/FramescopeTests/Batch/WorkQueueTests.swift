import Foundation
import Testing
@testable import Framescope

@Suite("work queue")
struct WorkQueueTests {
    /// One producer and several consumers: every item arrives exactly once, consumers see the
    /// producer's order, and the queue never holds more than its capacity, whatever the
    /// capacity (1 has no room for the half-empty wake-up) and the number of consumers.
    @Test(arguments: [(1, 1), (1, 3), (2, 1), (5, 2), (8, 2), (64, 3)])
    func everyItemOnceWithinCapacity(capacity: Int, consumers: Int) {
        let queue = WorkQueue<Int>(capacity: capacity)
        let received = Locked<[[Int]]>(Array(repeating: [], count: consumers))
        let done = DispatchGroup()
        for c in 0..<consumers {
            done.enter()
            Thread {
                defer { done.leave() }
                while let item = queue.pop() { received.withLock { $0[c].append(item) } }
            }.start()
        }
        let count = 20_000
        for i in 0..<count { queue.push(i) }
        queue.close()
        done.wait()
        let perConsumer = received.withLock { $0 }
        for items in perConsumer { #expect(items == items.sorted()) }
        #expect(perConsumer.flatMap { $0 }.sorted() == Array(0..<count))
        #expect(queue.highWater <= capacity)
        #expect(queue.pop() == nil)
    }

    /// Consumers waiting on an empty queue are woken by the close.
    @Test func closeWakesWaitingConsumers() {
        let queue = WorkQueue<Int>(capacity: 4)
        let done = DispatchGroup()
        let results = Locked<[Int?]>([])
        for _ in 0..<3 {
            done.enter()
            Thread { defer { done.leave() }; let r = queue.pop(); results.withLock { $0.append(r) } }.start()
        }
        queue.push(7)
        queue.close()
        done.wait()
        #expect(results.withLock { $0 }.compactMap { $0 } == [7])
        #expect(results.withLock { $0 }.count == 3)
    }
}
