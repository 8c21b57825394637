/// The metrics of one micro-batch, as Spark's `StreamingListener` reports them in `BatchInfo`.
public struct BatchInfo: Sendable, Equatable {
    public let batchID: BatchID
    public let batchTime: Timestamp
    /// Rows per input, in the driver's input order.
    public let recordsPerInput: [Int]
    /// Records skipped as malformed, over all inputs.
    public let malformedRecords: Int
    /// When the batch was cut and queued: its batch time, since the schedule fixes it in advance.
    public let submissionTime: Timestamp
    public internal(set) var processingStartTime: Timestamp?
    public internal(set) var processingEndTime: Timestamp?

    /// Rows over all inputs.
    public var records: Int { recordsPerInput.reduce(0, +) }

    /// How long the batch waited for earlier batches: processing start − submission.
    public var schedulingDelay: Duration? { processingStartTime.map { $0 - submissionTime } }

    /// How long the batch took to process: processing end − processing start.
    public var processingDelay: Duration? {
        guard let start = processingStartTime, let end = processingEndTime else { return nil }
        return end - start
    }

    /// Scheduling delay plus processing delay: processing end − submission.
    public var totalDelay: Duration? { processingEndTime.map { $0 - submissionTime } }
}
