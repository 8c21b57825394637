import Synchronization

/// A replayable input fed by in-process producer threads through the lock-free `IngestChannel`: each
/// producer numbers its rows (`SequencedProducer`), so a cut's `end` is how many rows of each producer
/// it took (`SequencedOffset`, e.g. `{"p0":1000,"p1":980}`).
///
/// Producers may start before the query: each thread waits for the driver to position the input, then
/// sends from where it says.
///
/// ```swift
/// let input = SequencedChannelInput(name: "orders", schema: schema)
/// Thread {                                                   // one per producer, started first
///     guard let first = input.awaitResumeSequence(for: "p0", timeout: .seconds(60)) else { return }
///     let producer = try input.makeProducer(named: "p0", startingAt: first)
///     for rows in source.rows(from: first) { try producer.send(rows) }
///     producer.finish()
/// }.start()
/// try input.resume(after: lastOffset, history: [], log: logDirectory)   // the driver, before start()
/// let rerun = try input.replay(from: endBeforeLast, to: lastOffset)     // the uncommitted batch, sent again
/// ```
///
/// A cut drains the channel, drops rows taken before (a producer that sends rows again, from 0 or
/// from anywhere before `resumeSequence(for:)`, is idempotent; a chunk straddling that point is
/// trimmed), and returns the rest producer by producer in name order, each producer's in send order.
/// Once `resume` was called the taken chunks are kept, driver side, until `commit(through:)` passes
/// them, so memory holds what is not yet committed; an input never resumed keeps nothing and cannot
/// replay.
///
/// Kept rows live in this process only, so after a restart the batch that ran but was not committed
/// is replayed from rows its producers send again: `replay(from:to:)` waits, up to `replayTimeout`,
/// until every producer has sent its rows of the batch, and leaves those beyond it to the next cut.
/// Producers must therefore be deterministic: the rows they number `n` are the same in every run. The
/// driver's start calls `resume`, which releases `awaitResumeSequence`, and then `replay`, which waits
/// for the producers. A producer waits only for `resume` (or `start()`) and for room in its ring, which
/// the waiting replay makes by draining the channel at each send, so neither side waits on the other
/// in turn.
///
/// A ring that is full makes its producer wait: dropping rows would break the numbering's promise. At
/// most one producer of a name may send at a time. Only the sends of a `SequencedProducer` wake a
/// waiting replay; rows sent through `channel` directly are seen at its deadline at the latest.
public final class SequencedChannelInput: BatchInput {
    public let name: String
    public let schema: Schema
    /// The lock-free path the producers send into.
    public let channel: IngestChannel<SequencedChunk>
    /// How long `replay(from:to:)` waits for producers to send again rows lost with a restart.
    public let replayTimeout: Duration
    let state = Mutex(State())
    /// Notified by producers' sends and by `stop()`: wakes a replay waiting for rows.
    let arrivals = WaitSignal()
    /// Notified by `resume`, `start()` and `stop()`: wakes producers waiting in `awaitResumeSequence`.
    let positioned = WaitSignal()

    struct State {
        /// Every producer seen, in a cut or in the resumed offset.
        var producers: [String: ProducerRetention] = [:]
        /// Whether taken chunks are kept for replay: from `resume` on.
        var isKeeping = false
        /// Whether `resume` or `start()` has fixed where the producers start.
        var isPositioned = false
        /// Whether `stop()` was called.
        var isStopped = false

        /// Each producer's end sequence.
        var offset: SequencedOffset { SequencedOffset(producers.mapValues(\.end)) }
    }

    /// An input whose producers each have a ring of `capacityPerProducer` chunks, and whose replays
    /// wait at most `replayTimeout` for rows to be sent again after a restart.
    public init(name: String, schema: Schema, capacityPerProducer: Int = 64, replayTimeout: Duration = .seconds(30)) {
        self.name = name
        self.schema = schema
        self.replayTimeout = replayTimeout
        self.channel = IngestChannel(name: name, capacityPerProducer: capacityPerProducer, fullBufferPolicy: .wait)
    }

    /// A producer for one thread, named the same in every run of the job, whose first row is numbered
    /// `firstSequence`: `resumeSequence(for:)` to go on where the cuts stopped, or anything before it
    /// (0 to send everything again), whose rows already taken are dropped.
    public func makeProducer(named producerName: String, startingAt firstSequence: Int64 = 0) throws(IngestError) -> SequencedProducer {
        SequencedProducer(handle: try channel.makeProducer(named: producerName), firstSequence: firstSequence, arrivals: arrivals)
    }

    /// Where producer `producer` should start (or go on) producing: the number of its rows the cuts (or
    /// a replay) have taken, counting those of the run `resume` continued; 0 for a producer never seen.
    /// Rows before it are in a batch already, and sending them again is harmless.
    public func resumeSequence(for producer: String) -> Int64 {
        state.withLock { $0.producers[producer]?.end ?? 0 }
    }

    /// Waits until the driver has positioned the input, by `resume(after:history:log:)` or by
    /// `start()` without one (a fresh start), then returns `resumeSequence(for: producer)`; nil when
    /// `timeout` passes first or the input stops unpositioned. A producer thread started before the
    /// query calls it to learn where to start sending.
    public func awaitResumeSequence(for producer: String, timeout: Duration) -> Int64? {
        let settled = positioned.wait(until: .now.advanced(by: timeout)) {
            state.withLock { $0.isPositioned || $0.isStopped }
        }
        guard settled, state.withLock({ $0.isPositioned }) else { return nil }
        return resumeSequence(for: producer)
    }

    /// Waits until at least `rows` rows are published, every producer finished, or `timeout` passed;
    /// rows sent again and to be dropped count too, rows a replay already drained do not.
    public func waitForRows(atLeast rows: Int, timeout: Duration) -> IngestWaitResult {
        channel.waitForRows(atLeast: rows, timeout: timeout)
    }

    /// Releases the producers waiting in `awaitResumeSequence`: without an earlier `resume`, each starts at 0.
    public func start() {
        state.withLock { $0.isPositioned = true }
        positioned.notify()
    }

    /// Takes every published chunk and every row a replay received beyond its range, drops rows taken
    /// before, and reports numbers a producer skipped.
    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        state.withLock { state in
            state.receive(channel.drainAll())
            var chunks: [RecordBatch] = []
            var problems: [InputProblem] = []
            for producer in state.producers.keys.sorted() {
                guard let (taken, skipped) = state.producers[producer]?.takeAllPending(keeping: state.isKeeping) else { continue }
                problems += skipped.map { missing in
                    InputProblem(source: producer, message:
                        "rows \(missing.lowerBound)..<\(missing.upperBound) never arrived; the producer went on at row \(missing.upperBound)")
                }
                chunks += taken.map(\.batch)
            }
            return InputSlice(chunks: chunks, problems: problems, end: state.offset.sourceOffset)
        }
    }

    /// Whether chunks are published, or received by a replay, and not yet taken (rows a cut will drop as
    /// sent before count too).
    public var hasPendingData: Bool {
        channel.metrics.rowsBuffered > 0 || state.withLock { $0.producers.values.contains { !$0.pending.isEmpty } }
    }

    /// Closes the channel; a replay waiting for rows and producers waiting to be positioned stop waiting.
    public func stop() {
        channel.close()
        state.withLock { $0.isStopped = true }
        arrivals.notify()
        positioned.notify()
    }
}
