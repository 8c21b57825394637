import SluiceCore

/// What one micro-batch of a streaming query did: Spark's `StreamingQueryProgress`.
public struct StreamingQueryProgress: Sendable, Equatable {
    public let id: String
    public let runId: String
    public let name: String?
    public let batchId: BatchID
    /// When the batch started.
    public let timestamp: Timestamp
    public let numInputRows: Int
    /// Input rows per second of time between this batch's start and the previous one's.
    public let inputRowsPerSecond: Double
    /// Input rows per second of this batch's processing time.
    public let processedRowsPerSecond: Double
    /// Milliseconds per phase: `getBatch` (cutting the input), `addBatch` (running and writing), `triggerExecution`.
    public let durationMs: [String: Int64]
    /// The watermark the batch used, if the query has one.
    public let watermark: Timestamp?
    public let stateOperator: StateOperatorProgress?
}

/// The state of a query's stateful operator after a batch.
public struct StateOperatorProgress: Sendable, Equatable {
    /// Groups (or distinct keys) kept.
    public let numRowsTotal: Int
    /// Groups this batch changed.
    public let numRowsUpdated: Int
    /// Input rows dropped because they were at or before the watermark.
    public let numRowsDroppedByWatermark: Int
}

/// Receives a streaming query's life events: Spark's `StreamingQueryListener`.
public protocol StreamingQueryListener: AnyObject, Sendable {
    func queryStarted(id: String, runId: String, name: String?)
    func queryProgress(_ progress: StreamingQueryProgress)
    func queryTerminated(id: String, runId: String, exception: String?)
}

extension StreamingQueryListener {
    public func queryStarted(id: String, runId: String, name: String?) {}
    public func queryProgress(_ progress: StreamingQueryProgress) {}
    public func queryTerminated(id: String, runId: String, exception: String?) {}
}
