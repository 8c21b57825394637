/// The latency files, in milliseconds with three decimals:
///
/// `latency.csv`, the whole run's end-to-end latency from the HDR histogram:
/// ```
/// samples,p50_ms,p90_ms,p99_ms,p99.9_ms,max_ms
/// 500000,512.255,901.119,1002.495,1500.159,1687.321
/// ```
/// `latency-per-second.csv`, the same for each second (since the run started) that has samples, at 2
/// significant digits:
/// ```
/// second,samples,p50_ms,p90_ms,p99_ms,p99.9_ms,max_ms
/// 3,10000,515.000,905.000,1003.000,1011.000,1012.004
/// ```
public enum LatencyCSV {
    static let figureColumns = ["samples", "p50_ms", "p90_ms", "p99_ms", "p99.9_ms", "max_ms"]

    /// `latency.csv`'s text.
    public static func render(_ summary: LatencySummary) -> String {
        figureColumns.joined(separator: ",") + "\n" + fields(of: summary) + "\n"
    }

    /// `latency-per-second.csv`'s text.
    public static func renderPerSecond(_ seconds: [(second: Int64, summary: LatencySummary)]) -> String {
        var text = (["second"] + figureColumns).joined(separator: ",") + "\n"
        for (second, summary) in seconds { text += "\(second),\(fields(of: summary))\n" }
        return text
    }

    private static func fields(of summary: LatencySummary) -> String {
        ([String(summary.count)] + [summary.p50, summary.p90, summary.p99, summary.p999, summary.maximum].map(ReportNumbers.milliseconds))
            .joined(separator: ",")
    }
}
