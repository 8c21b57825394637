import Synchronization

/// One producer thread's end of a `SequencedChannelInput`: numbers the rows it sends, 0, 1, 2, …, so
/// that a cut can say how far it read this producer, and a producer that sends rows again after a
/// restart has those already taken dropped.
///
/// Made by `SequencedChannelInput.makeProducer(named:startingAt:)`. Like `ProducerHandle`, it serves
/// one thread at a time; sends from two threads at once are serialized, never interleaved.
public final class SequencedProducer: Sendable {
    private let handle: ProducerHandle<SequencedChunk>
    /// The number of the next row sent.
    private let next: Mutex<Int64>
    /// The input's signal to a replay waiting for rows.
    private let arrivals: WaitSignal

    init(handle: ProducerHandle<SequencedChunk>, firstSequence: Int64, arrivals: WaitSignal) {
        precondition(firstSequence >= 0, "SequencedProducer '\(handle.name)': cannot start at row \(firstSequence)")
        self.handle = handle
        self.next = Mutex(firstSequence)
        self.arrivals = arrivals
    }

    /// The producer's name, the same in every run of the job.
    public var name: String { handle.name }

    /// The number the next row sent will get: the first sequence plus the rows sent since.
    public var nextSequence: Int64 { next.withLock { $0 } }

    /// This producer's counters.
    public var metrics: IngestMetrics { handle.metrics }

    /// Numbers `batch`'s rows from `nextSequence` on and publishes them, waiting while the ring is full;
    /// an empty batch is not sent; wakes a replay waiting for rows. Throws, sending nothing, if the
    /// channel is closed or the producer finished.
    public func send(_ batch: RecordBatch) throws(IngestError) {
        guard batch.rowCount > 0 else { return }
        try next.withLock { next throws(IngestError) in
            try handle.send(SequencedChunk(producer: handle.name, firstSequence: next, batch: batch))
            next += Int64(batch.rowCount)
        }
        arrivals.notifyIfWaiting()
    }

    /// Says that this producer will send no more; finishing twice is harmless.
    public func finish() { handle.finish() }
}
