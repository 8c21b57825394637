/// A snapshot of an ingest channel's counters, or of one producer's.
///
/// Counters only grow. A snapshot taken while chunks move is not one instant, but it never shows more
/// chunks or rows dequeued than enqueued.
public struct IngestMetrics: Sendable, Hashable, CustomStringConvertible {
    /// Chunks published to the consumer.
    public var chunksEnqueued: Int
    /// Rows in the chunks published to the consumer.
    public var rowsEnqueued: Int
    /// Chunks the consumer has taken.
    public var chunksDequeued: Int
    /// Rows in the chunks the consumer has taken.
    public var rowsDequeued: Int
    /// Chunks discarded by the `.drop` policy because the ring was full.
    public var chunksDropped: Int
    /// Rows in the discarded chunks.
    public var rowsDropped: Int
    /// Sends that found the ring full under the `.wait` policy and waited for room.
    public var waits: Int

    /// Creates a snapshot from its counters.
    public init(
        chunksEnqueued: Int = 0, rowsEnqueued: Int = 0,
        chunksDequeued: Int = 0, rowsDequeued: Int = 0,
        chunksDropped: Int = 0, rowsDropped: Int = 0,
        waits: Int = 0
    ) {
        self.chunksEnqueued = chunksEnqueued
        self.rowsEnqueued = rowsEnqueued
        self.chunksDequeued = chunksDequeued
        self.rowsDequeued = rowsDequeued
        self.chunksDropped = chunksDropped
        self.rowsDropped = rowsDropped
        self.waits = waits
    }

    /// Chunks published and not yet taken.
    public var chunksBuffered: Int { chunksEnqueued - chunksDequeued }

    /// Rows published and not yet taken.
    public var rowsBuffered: Int { rowsEnqueued - rowsDequeued }

    /// The counters of both snapshots added up, e.g. the total over producers.
    public static func + (lhs: IngestMetrics, rhs: IngestMetrics) -> IngestMetrics {
        IngestMetrics(
            chunksEnqueued: lhs.chunksEnqueued + rhs.chunksEnqueued,
            rowsEnqueued: lhs.rowsEnqueued + rhs.rowsEnqueued,
            chunksDequeued: lhs.chunksDequeued + rhs.chunksDequeued,
            rowsDequeued: lhs.rowsDequeued + rhs.rowsDequeued,
            chunksDropped: lhs.chunksDropped + rhs.chunksDropped,
            rowsDropped: lhs.rowsDropped + rhs.rowsDropped,
            waits: lhs.waits + rhs.waits
        )
    }

    /// The counters in words.
    public var description: String {
        "enqueued \(chunksEnqueued) chunks (\(rowsEnqueued) rows), dequeued \(chunksDequeued) chunks "
            + "(\(rowsDequeued) rows), dropped \(chunksDropped) chunks (\(rowsDropped) rows), waits \(waits)"
    }
}
