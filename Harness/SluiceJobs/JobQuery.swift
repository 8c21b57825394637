import SluiceCore

/// The lecture's queries a job can run, each with the table layout its results take.
public enum JobQuery: String, Sendable, CaseIterable, CustomStringConvertible {
    /// Buys and sells counted over the whole stream: `groupBy(buy).count()`, one row per side.
    case countBuys = "count-buys"
    /// Buys and sells per one-hour window sliding by five minutes, with a ten-minute watermark.
    case windowedCounts = "windowed-counts"

    /// The columns a result row is upserted by.
    public var keyColumns: [String] {
        switch self {
        case .countBuys: ["buy"]
        case .windowedCounts: ["buy", "window.start", "window.end"]
        }
    }

    public var description: String { rawValue }
}
