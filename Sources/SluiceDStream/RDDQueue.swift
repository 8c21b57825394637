import Synchronization

/// A queue of RDDs that a `queueStream` takes from, batch by batch; push from any thread.
public final class RDDQueue<Element: Sendable>: Sendable {
    private let queued = Mutex<[RDD<Element>]>([])

    public init(_ initial: [RDD<Element>] = []) {
        queued.withLock { $0 = initial }
    }

    /// Queues an RDD.
    public func push(_ rdd: RDD<Element>) { queued.withLock { $0.append(rdd) } }

    /// Queues the elements as a one-partition RDD.
    public func push(_ elements: [Element]) { push(RDD(elements)) }

    public var count: Int { queued.withLock { $0.count } }

    @usableFromInline func take(oneAtATime: Bool) -> [RDD<Element>] {
        queued.withLock { queued in
            guard !queued.isEmpty else { return [] }
            if oneAtATime { return [queued.removeFirst()] }
            defer { queued.removeAll() }
            return queued
        }
    }
}
