import Foundation
import SluiceCore

/// The sweep's capacity table, one row per batch interval: the highest offered rate sustained and the
/// latency at it, and what stopped the sweep at that interval.
///
/// `capacity.csv`, in records per second and milliseconds (empty cells where no rate was sustained):
/// ```
/// batch_interval_ms,highest_sustained_rate,p50_ms,p99_ms,stopped_by
/// 1000.000,200000,612.000,1011.000,500k/s: batch 3 took 1.2 s, over the interval
/// ```
public enum CapacityTable {
    /// `capacity.csv`'s text.
    public static func csv(_ rows: [CapacitySweep.Row]) -> String {
        var lines = ["batch_interval_ms,highest_sustained_rate,p50_ms,p99_ms,stopped_by"]
        for row in rows {
            let best = row.highestSustained
            lines.append([
                ReportNumbers.milliseconds(row.batchInterval.microseconds),
                best.map { String(format: "%.0f", $0.offeredRate.ordersPerSecond) } ?? "",
                best.map { ReportNumbers.milliseconds($0.latency.p50) } ?? "",
                best.map { ReportNumbers.milliseconds($0.latency.p99) } ?? "",
                quoted(stoppedBy(row)),
            ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The table in markdown, as the summary shows it and the command prints it.
    public static func markdown(_ rows: [CapacitySweep.Row]) -> [String] {
        SummaryMarkdown.table(["batch interval", "highest sustained rate", "p50 latency", "p99 latency", "stopped by"], rows.map { row in
            let best = row.highestSustained
            return [
                ReportNumbers.duration(row.batchInterval.microseconds),
                best.map { "\($0.offeredRate)" } ?? "none",
                best.map { ReportNumbers.duration($0.latency.p50) } ?? "–",
                best.map { ReportNumbers.duration($0.latency.p99) } ?? "–",
                stoppedBy(row),
            ]
        })
    }

    /// The first failed rate and why, or that every rate was sustained.
    static func stoppedBy(_ row: CapacitySweep.Row) -> String {
        row.firstFailure.map { "\($0.offeredRate): \($0.outcome)" } ?? "every rate sustained"
    }

    /// A CSV field, quoted when it holds a comma or a quote.
    private static func quoted(_ field: String) -> String {
        guard field.contains(",") || field.contains("\"") else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
