/// `batches.csv`: one row per committed batch, in commit order. Times and durations are milliseconds
/// with three decimals (exact µs); a batch whose start is missing from the history has empty
/// `trigger_time_ms` and `rows`.
///
/// ```
/// batch,trigger_time_ms,rows,scheduling_delay_ms,processing_ms,total_delay_ms,state_rows,late_rows_dropped,malformed_lines
/// 0,1000.000,5000,0.250,120.500,120.750,40,0,3
/// ```
public enum BatchesCSV {
    /// The header line's columns.
    public static let columns = [
        "batch", "trigger_time_ms", "rows", "scheduling_delay_ms", "processing_ms", "total_delay_ms",
        "state_rows", "late_rows_dropped", "malformed_lines",
    ]

    /// The file's text.
    public static func render(_ batches: [BatchRow]) -> String {
        var text = columns.joined(separator: ",") + "\n"
        for row in batches {
            let metrics = row.metrics
            let fields = [
                String(row.batch.rawValue), row.triggerTime.map(ReportNumbers.milliseconds) ?? "", row.rows.map { String($0) } ?? "",
                ReportNumbers.milliseconds(metrics.schedulingDelayMicroseconds), ReportNumbers.milliseconds(metrics.processingMicroseconds),
                ReportNumbers.milliseconds(metrics.totalDelayMicroseconds), String(metrics.stateRows), String(metrics.lateRowsDropped),
                String(metrics.malformedLines),
            ]
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}
