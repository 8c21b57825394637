/// What `compare` reads of one run: the figures of its `batches.csv`, its `latency.csv`, and, for
/// throughput when the batches do not give it, its `throughput.csv`. A run read from one file alone has
/// only that file's figures. Read one with ``read(folder:)`` or ``read(path:)``.
public struct RunFigures: Sendable, Equatable {
    /// The folder or file the figures were read from, as named.
    public var source: String
    public var batches: BatchFigures?
    public var latency: LatencyFigures?
    /// Processed records per second from `throughput.csv`: from the first to the last second that
    /// processed any, both included.
    public var processedPerSecond: Double?

    public init(source: String, batches: BatchFigures? = nil, latency: LatencyFigures? = nil, processedPerSecond: Double? = nil) {
        self.source = source
        self.batches = batches
        self.latency = latency
        self.processedPerSecond = processedPerSecond
    }

    /// The value of `figure`, nil when this run has none: rows/s for throughput, milliseconds otherwise.
    public func value(of figure: RegressionFigure) -> Double? {
        switch figure {
        case .throughput: batches?.rowsPerSecond ?? processedPerSecond
        case .processingMean: batches?.processingMean
        case .processingP50: batches?.processingP50
        case .processingP99: batches?.processingP99
        case .schedulingDelayP99: batches?.schedulingDelayP99
        case .latencyP50: latency?.p50
        case .latencyP90: latency?.p90
        case .latencyP99: latency?.p99
        case .latencyP999: latency?.p999
        case .latencyMax: latency?.maximum
        }
    }
}
