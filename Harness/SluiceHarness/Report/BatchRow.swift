import SluiceCore

/// One committed batch as the report shows it: its start (trigger time and input rows, from the last
/// `batchStarted` of the batch before its commit) and its commit's metrics.
public struct BatchRow: Sendable, Equatable {
    public var batch: BatchID
    /// The trigger time of its last start, µs since the run started; nil if the history has no start.
    public var triggerTime: Int64?
    /// Input rows of its last start; nil if the history has no start.
    public var rows: Int64?
    /// How many times it started: more than once when a restart ran it again.
    public var attempts: Int
    /// When it committed, µs since the run started.
    public var committedAt: Int64
    /// The commit's metrics.
    public var metrics: HistoryEvent.BatchCommitted

    public init(batch: BatchID, triggerTime: Int64?, rows: Int64?, attempts: Int, committedAt: Int64, metrics: HistoryEvent.BatchCommitted) {
        self.batch = batch
        self.triggerTime = triggerTime
        self.rows = rows
        self.attempts = attempts
        self.committedAt = committedAt
        self.metrics = metrics
    }
}
