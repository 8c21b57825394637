/// The figures of a run's `batches.csv`: throughput and the spread of processing time and scheduling
/// delay over its batches. Times are milliseconds.
public struct BatchFigures: Sendable, Equatable {
    /// One batch as `compare` reads it.
    public struct Batch: Sendable, Equatable {
        /// Milliseconds since the run started; nil when the report left it empty.
        public var triggerTime: Double?
        /// Input rows; nil when the report left it empty.
        public var rows: Double?
        public var processing: Double
        public var schedulingDelay: Double

        public init(triggerTime: Double?, rows: Double?, processing: Double, schedulingDelay: Double) {
            self.triggerTime = triggerTime
            self.rows = rows
            self.processing = processing
            self.schedulingDelay = schedulingDelay
        }
    }

    public var batchCount: Int
    /// Rows per second between the first and the last trigger: the rows of every batch but the first
    /// (the first holds what arrived before the span) over the span. Nil with fewer than two triggers.
    public var rowsPerSecond: Double?
    public var processingMean: Double
    public var processingP50: Double
    public var processingP99: Double
    public var schedulingDelayP99: Double

    /// The figures of `batches`; nil when there is none.
    public init?(_ batches: [Batch]) {
        guard !batches.isEmpty else { return nil }
        let processing = batches.map(\.processing).sorted()
        batchCount = batches.count
        processingMean = processing.reduce(0, +) / Double(processing.count)
        processingP50 = Self.percentile(50, ofSorted: processing)
        processingP99 = Self.percentile(99, ofSorted: processing)
        schedulingDelayP99 = Self.percentile(99, ofSorted: batches.map(\.schedulingDelay).sorted())
        rowsPerSecond = Self.rowsPerSecond(batches)
    }

    /// The nearest-rank percentile: the smallest value with at least `percent`% of the values at or under it.
    static func percentile(_ percent: Double, ofSorted values: [Double]) -> Double {
        let rank = Int((percent / 100 * Double(values.count)).rounded(.up))
        return values[min(max(rank, 1), values.count) - 1]
    }

    private static func rowsPerSecond(_ batches: [Batch]) -> Double? {
        let timed = batches.compactMap { batch in batch.triggerTime.flatMap { time in batch.rows.map { (time, $0) } } }
            .sorted { $0.0 < $1.0 }
        guard let first = timed.first, let last = timed.last, last.0 > first.0 else { return nil }
        let rows = timed.dropFirst().reduce(0) { $0 + $1.1 }
        return rows / ((last.0 - first.0) / 1000)
    }
}
