import SluiceCore

/// The data of one batch of a DStream: elements split into partitions that run in parallel.
///
/// Like Spark's RDD as a DStream hands it to `transform` and `foreachRDD`, but computed eagerly: every
/// transformation runs its partitions on the worker pool at once and returns the result. The order of
/// elements — partition by partition — never depends on thread timing.
public struct RDD<Element: Sendable>: Sendable {
    public let partitions: [[Element]]
    /// The pool this RDD's transformations run on.
    public let pool: WorkerPool

    @inlinable public init(partitions: [[Element]], pool: WorkerPool = WorkerPool(parallelism: 1)) {
        self.partitions = partitions
        self.pool = pool
    }

    /// `elements` cut into `partitionCount` contiguous, nearly equal partitions (fewer when there are fewer
    /// elements than partitions, so that tiny RDDs do not wake idle workers).
    @inlinable public init(_ elements: [Element], partitionCount: Int = 1, pool: WorkerPool = WorkerPool(parallelism: 1)) {
        self.init(partitions: Self.split(elements, into: Swift.min(partitionCount, Swift.max(1, elements.count))), pool: pool)
    }

    /// An RDD with no elements.
    @inlinable public static func empty(pool: WorkerPool = WorkerPool(parallelism: 1)) -> RDD {
        RDD(partitions: [], pool: pool)
    }

    public var partitionCount: Int { partitions.count }

    /// The number of elements.
    @inlinable public func count() -> Int { partitions.reduce(0) { $0 + $1.count } }

    public var isEmpty: Bool { partitions.allSatisfy(\.isEmpty) }

    /// Every element, partition by partition.
    @inlinable public func collect() -> [Element] { Array(partitions.joined()) }

    /// The first `count` elements.
    @inlinable public func take(_ count: Int) -> [Element] { Array(partitions.joined().prefix(count)) }

    /// The first element, if any.
    @inlinable public func first() -> Element? { partitions.lazy.joined().first }

    /// A new RDD over other partitions, on the same pool.
    @inlinable func with<Other>(_ partitions: [[Other]]) -> RDD<Other> { RDD<Other>(partitions: partitions, pool: pool) }

    @inlinable static func split(_ elements: [Element], into partitionCount: Int) -> [[Element]] {
        precondition(partitionCount >= 1, "RDD: partition count must be at least 1, got \(partitionCount)")
        let base = elements.count / partitionCount
        let extra = elements.count % partitionCount
        var start = 0
        return (0 ..< partitionCount).map { index in
            let size = base + (index < extra ? 1 : 0)
            defer { start += size }
            return Array(elements[start ..< start + size])
        }
    }
}
