/// One producer's rows in a replayed range.
struct ProducerRange: Sendable {
    let producer: String
    let rows: Range<Int64>
}

/// Rows of a replayed range that a producer has not sent again yet.
struct ResendShortfall: Sendable {
    let producer: String
    /// The producer's rows in the replayed range.
    let rows: Range<Int64>
    /// The producer's rows below this have arrived.
    let received: Int64
}

/// Where a replay stands: done, or waiting for producers to send rows again.
enum ReplayStep {
    case done([RecordBatch])
    case waiting([ResendShortfall])
}

extension SequencedChannelInput.State {
    /// Hands each drained chunk to its producer's retention, which drops the rows that arrived before.
    mutating func receive(_ chunks: [SequencedChunk]) {
        for chunk in chunks { producers[chunk.producer, default: ProducerRetention(end: 0)].receive(chunk) }
    }

    /// The rows of `ranges`, in their order, once all of them have arrived: those not yet taken are taken
    /// (and kept), so the next cut starts after them. Waiting, with the shortfalls, while some are still
    /// to be sent again. Throws, taking nothing, when some can never come: they are not kept (committed,
    /// taken before the restart, or never taken by an input not resumed) or their producer skipped them.
    mutating func replay(_ ranges: [ProducerRange], input: String) throws(ReplayError) -> ReplayStep {
        var shortfalls: [ResendShortfall] = []
        for range in ranges {
            let retention = producers[range.producer] ?? ProducerRetention(end: 0)
            if range.rows.lowerBound < retention.keptFrom || (range.rows.upperBound > retention.end && !isKeeping) {
                throw Self.notKept(range, retention, input: input)
            }
            if range.rows.upperBound > retention.received {
                shortfalls.append(ResendShortfall(producer: range.producer, rows: range.rows, received: retention.received))
            } else if let skipped = retention.skipped(in: range.rows) {
                throw ReplayError(input: input, message: "producer '\(range.producer)': rows \(skipped.lowerBound)..<\(skipped.upperBound) of the "
                    + "replayed \(range.rows.lowerBound)..<\(range.rows.upperBound) never arrived; the producer went on at row \(skipped.upperBound)")
            }
        }
        guard shortfalls.isEmpty else { return .waiting(shortfalls) }
        var chunks: [RecordBatch] = []
        for range in ranges {
            if range.rows.upperBound > producers[range.producer]?.end ?? 0 {
                _ = producers[range.producer, default: ProducerRetention(end: 0)].take(below: range.rows.upperBound, keeping: true)
            }
            let retention = producers[range.producer] ?? ProducerRetention(end: 0)
            guard let rows = retention.rows(range.rows) else { throw Self.notKept(range, retention, input: input) }
            chunks += rows
        }
        return .done(chunks)
    }

    private static func notKept(_ range: ProducerRange, _ retention: ProducerRetention, input: String) -> ReplayError {
        let rows = "\(range.rows.lowerBound)..<\(range.rows.upperBound)"
        return ReplayError(input: input, message: "producer '\(range.producer)': rows \(rows) are not kept (\(retention.keptDescription)); "
            + "they were committed, taken before a restart, or never taken")
    }
}
