/// `throughput.csv`: records offered and processed in each second since the run started, including the
/// seconds with none (while the job was down).
///
/// ```
/// second,offered_records,processed_records
/// 0,50000,0
/// 1,50000,100000
/// ```
public enum ThroughputCSV {
    /// The file's text.
    public static func render(_ seconds: [(second: Int64, offered: Int64, processed: Int64)]) -> String {
        var text = "second,offered_records,processed_records\n"
        for (second, offered, processed) in seconds { text += "\(second),\(offered),\(processed)\n" }
        return text
    }
}
