/// Rows of one producer of a `SequencedChannelInput`, numbered: the producer numbers its rows 0, 1,
/// 2, … in the order it sends them, and a chunk carries the number of its first row.
public struct SequencedChunk: RowCounted, Sendable {
    /// The producer's name, stable across restarts.
    public let producer: String
    /// The number of the chunk's first row: how many rows the producer sent before it.
    public let firstSequence: Int64
    public let batch: RecordBatch

    public init(producer: String, firstSequence: Int64, batch: RecordBatch) {
        precondition(firstSequence >= 0, "SequencedChunk: producer '\(producer)' numbered a row \(firstSequence)")
        self.producer = producer
        self.firstSequence = firstSequence
        self.batch = batch
    }

    public var rowCount: Int { batch.rowCount }

    /// The number after the chunk's last row: `firstSequence + rowCount`.
    public var endSequence: Int64 { firstSequence + Int64(batch.rowCount) }

    /// The chunk restricted to rows numbered `sequences` (clamped to its own), sharing storage; nil
    /// when none of its rows is in `sequences`.
    func restricted(to sequences: Range<Int64>) -> SequencedChunk? {
        let lower = max(sequences.lowerBound, firstSequence)
        let upper = min(sequences.upperBound, endSequence)
        guard lower < upper else { return nil }
        if lower == firstSequence && upper == endSequence { return self }
        let rows = Int(lower - firstSequence) ..< Int(upper - firstSequence)
        return SequencedChunk(producer: producer, firstSequence: lower, batch: batch.slice(rows: rows))
    }
}
