import Synchronization

/// A replayable input fed by in-process producer threads through the lock-free `IngestChannel`: each
/// producer numbers its rows (`SequencedProducer`), so a cut's `end` is how many rows of each producer
/// it took (`SequencedOffset`, e.g. `{"p0":1000,"p1":980}`).
///
/// ```swift
/// let input = SequencedChannelInput(name: "orders", schema: schema)
/// try input.resume(after: lastOffset, history: [], log: logDirectory)   // the driver, before start()
/// let producer = try input.makeProducer(named: "p0", startingAt: input.resumeSequence(for: "p0"))
/// for rows in source.rows(from: producer.nextSequence) { try producer.send(rows) }   // its own thread
/// producer.finish()
/// ```
///
/// A cut drains the channel, drops rows an earlier cut took (a producer that sends rows again, from 0
/// or from anywhere before `resumeSequence(for:)`, is idempotent; a chunk straddling that point is
/// trimmed), and returns the rest producer by producer in name order, each producer's in send order.
/// Once `resume` was called the taken chunks are kept, driver side, until `commit(through:)` passes
/// them, so memory holds what is not yet committed; an input never resumed keeps nothing and cannot
/// replay. Kept rows live in this process only: after a restart, a batch that ran but was not
/// committed cannot be replayed, and its producers must send its rows again.
///
/// A ring that is full makes its producer wait: dropping rows would break the numbering's promise. At
/// most one producer of a name may send at a time.
public final class SequencedChannelInput: BatchInput {
    public let name: String
    public let schema: Schema
    /// The lock-free path the producers send into.
    public let channel: IngestChannel<SequencedChunk>
    let state = Mutex(State())

    struct State {
        /// Every producer seen, in a cut or in the resumed offset.
        var producers: [String: ProducerRetention] = [:]
        /// Whether taken chunks are kept for replay: from `resume` on.
        var isKeeping = false

        /// Each producer's end sequence.
        var offset: SequencedOffset { SequencedOffset(producers.mapValues(\.end)) }
    }

    public init(name: String, schema: Schema, capacityPerProducer: Int = 64) {
        self.name = name
        self.schema = schema
        self.channel = IngestChannel(name: name, capacityPerProducer: capacityPerProducer, fullBufferPolicy: .wait)
    }

    /// A producer for one thread, named the same in every run of the job, whose first row is numbered
    /// `firstSequence`: `resumeSequence(for:)` to go on where the cuts stopped, or anything before it
    /// (0 to send everything again), whose rows already taken are dropped.
    public func makeProducer(named producerName: String, startingAt firstSequence: Int64 = 0) throws(IngestError) -> SequencedProducer {
        SequencedProducer(handle: try channel.makeProducer(named: producerName), firstSequence: firstSequence)
    }

    /// Where producer `producer` should start (or go on) producing: the number of its rows the cuts have
    /// taken, counting those of the run `resume` continued; 0 for a producer never seen. Rows before it
    /// are in a batch already, and sending them again is harmless.
    public func resumeSequence(for producer: String) -> Int64 {
        state.withLock { $0.producers[producer]?.end ?? 0 }
    }

    /// Waits until at least `rows` rows are published, every producer finished, or `timeout` passed;
    /// rows sent again and to be dropped count too.
    public func waitForRows(atLeast rows: Int, timeout: Duration) -> IngestWaitResult {
        channel.waitForRows(atLeast: rows, timeout: timeout)
    }

    public func start() {}

    /// Takes every published chunk, drops rows taken before, and reports numbers a producer skipped.
    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        let drained = channel.drainAll()
        return state.withLock { state in
            var taken: [String: [RecordBatch]] = [:]
            var problems: [InputProblem] = []
            for chunk in drained {
                let (fresh, missing) = state.producers[chunk.producer, default: ProducerRetention(end: 0)]
                    .take(chunk, keeping: state.isKeeping)
                if let missing {
                    problems.append(InputProblem(source: chunk.producer, message:
                        "rows \(missing.lowerBound)..<\(missing.upperBound) never arrived; the producer went on at row \(missing.upperBound)"))
                }
                if let fresh { taken[chunk.producer, default: []].append(fresh.batch) }
            }
            let chunks = taken.keys.sorted().flatMap { taken[$0] ?? [] }
            return InputSlice(chunks: chunks, problems: problems, end: state.offset.sourceOffset)
        }
    }

    /// Whether chunks are published and not yet taken (rows a cut will drop as sent before count too).
    public var hasPendingData: Bool { channel.metrics.rowsBuffered > 0 }

    public func stop() { channel.close() }
}
