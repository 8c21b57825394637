import Synchronization

extension RecordBatch: RowCounted {}

/// An input fed by push receivers (socket readers, in-process producers) through an `IngestChannel`:
/// receivers send decoded chunks from their own threads; each cut drains what has been published.
public final class ChannelInput: BatchInput {
    public let name: String
    public let schema: Schema
    /// The lock-free path the receivers send into.
    public let channel: IngestChannel<RecordBatch>
    private let reports = Mutex(Reports())

    private struct Reports {
        var malformed = 0
        var problems: [InputProblem] = []
    }

    public init(name: String, schema: Schema, capacityPerProducer: Int = 64, fullBufferPolicy: FullBufferPolicy = .wait) {
        self.name = name
        self.schema = schema
        self.channel = IngestChannel(name: name, capacityPerProducer: capacityPerProducer, fullBufferPolicy: fullBufferPolicy)
    }

    /// A producer handle for one receiver thread.
    public func makeProducer(named producerName: String? = nil) throws(IngestError) -> ProducerHandle<RecordBatch> {
        try channel.makeProducer(named: producerName)
    }

    /// Records a receiving problem; the next cut reports it.
    public func report(_ problem: InputProblem) {
        reports.withLock { $0.problems.append(problem) }
    }

    /// Records malformed records skipped by a receiver, with their samples; the next cut reports them.
    public func reportMalformed(_ count: Int, samples: [InputProblem]) {
        guard count > 0 else { return }
        reports.withLock { reports in
            reports.malformed += count
            reports.problems.append(contentsOf: samples)
        }
    }

    /// Waits until at least `rows` rows are published, every producer finished, or `timeout` passed.
    public func waitForRows(atLeast rows: Int, timeout: Duration) -> IngestWaitResult {
        channel.waitForRows(atLeast: rows, timeout: timeout)
    }

    public func start() {}

    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        let chunks = channel.drainAll()
        let taken = reports.withLock { reports in
            defer { reports = Reports() }
            return reports
        }
        return InputSlice(chunks: chunks, malformedRecords: taken.malformed, problems: taken.problems)
    }

    public var hasPendingData: Bool { channel.metrics.rowsBuffered > 0 }

    public func stop() { channel.close() }
}
