/// One committed batch as the sustain rule sees it: how long it waited and how long it ran, µs.
public struct TrialBatch: Sendable, Equatable {
    public var schedulingDelayMicroseconds: Int64
    public var processingMicroseconds: Int64

    public init(schedulingDelayMicroseconds: Int64, processingMicroseconds: Int64) {
        self.schedulingDelayMicroseconds = schedulingDelayMicroseconds
        self.processingMicroseconds = processingMicroseconds
    }

    /// The figures of a report's batch row.
    public init(_ row: BatchRow) {
        self.init(schedulingDelayMicroseconds: row.metrics.schedulingDelayMicroseconds, processingMicroseconds: row.metrics.processingMicroseconds)
    }
}
