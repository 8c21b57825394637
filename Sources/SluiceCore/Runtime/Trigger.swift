/// When the driver cuts and runs a micro-batch.
public enum Trigger: Sendable, Equatable, CustomStringConvertible {
    /// A batch at every multiple of `interval` (since the epoch), as Spark Streaming's batch interval and
    /// Structured Streaming's `ProcessingTime` trigger; a batch time is never skipped.
    case processingTime(Duration)
    /// One batch over everything available at start, then stop.
    case once
    /// Batches until everything available at start is processed (each input's per-batch limit applies),
    /// then stop.
    case availableNow

    public var description: String {
        switch self {
        case .processingTime(let interval): "ProcessingTime(\(interval))"
        case .once: "Once"
        case .availableNow: "AvailableNow"
        }
    }
}
