import Synchronization

/// An in-memory queue of ready-made batches: Spark's `queueStream`, for tests and examples.
///
/// With `oneAtATime` each cut takes the oldest queued batch; otherwise it takes all of them. When the
/// queue is empty a cut takes `defaultBatch`, if one is given, as Spark does.
public final class QueueInput: BatchInput {
    public let name: String
    public let schema: Schema
    private let oneAtATime: Bool
    private let defaultBatch: RecordBatch?
    private let queue = Mutex<[RecordBatch]>([])

    public init(name: String = "queue", schema: Schema, oneAtATime: Bool = true, defaultBatch: RecordBatch? = nil) {
        precondition(defaultBatch == nil || defaultBatch!.schema == schema,
                     "QueueInput '\(name)': the default batch's schema differs from \(schema)")
        self.name = name
        self.schema = schema
        self.oneAtATime = oneAtATime
        self.defaultBatch = defaultBatch
    }

    /// Queues `batch` (from any thread); its schema must be the input's schema.
    public func enqueue(_ batch: RecordBatch) throws(BatchError) {
        guard batch.schema == schema else { throw .schemaMismatch(expected: schema, actual: batch.schema) }
        queue.withLock { $0.append(batch) }
    }

    public func start() {}

    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        let taken: [RecordBatch] = queue.withLock { queued in
            if queued.isEmpty { return [] }
            if oneAtATime { return [queued.removeFirst()] }
            defer { queued.removeAll() }
            return queued
        }
        if taken.isEmpty, let defaultBatch { return InputSlice(chunks: [defaultBatch]) }
        return InputSlice(chunks: taken)
    }

    public var hasPendingData: Bool { queue.withLock { !$0.isEmpty } }

    public func stop() {}
}
