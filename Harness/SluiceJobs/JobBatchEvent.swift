/// One committed batch as `sluice-job --events` writes it: one JSON object a line, e.g.
/// `{"batch":3,"commitTime":…,"ends":{"orders":"{\"files\":[\"chunk000004\"],\"index\":4}"},"lateRowsDropped":0,…}`.
///
/// Times are wall-clock µs since the Unix epoch, so another process on the machine can place them on
/// its own timeline. `ends` maps the source's name to the end offset of the batch's slice as
/// `offsets/N` of the checkpoint records it (a directory source's `{"files":[...],"index":N}`).
public struct JobBatchEvent: Sendable, Equatable, Codable {
    public var batch: Int64
    /// When the batch was due: the tick of the batch interval it ran for.
    public var triggerTime: Int64
    /// When the batch started running.
    public var startTime: Int64
    /// When its results were committed to the sink.
    public var commitTime: Int64
    /// Input rows the batch read.
    public var rows: Int64
    /// The state's size after the batch (0 when the API does not report it).
    public var stateRows: Int64
    /// Rows dropped behind the watermark.
    public var lateRowsDropped: Int64
    /// Input lines skipped as malformed (0 when the API does not report them).
    public var malformedLines: Int64
    /// The end offset of each source's slice, by source name.
    public var ends: [String: String]

    public init(
        batch: Int64, triggerTime: Int64, startTime: Int64, commitTime: Int64, rows: Int64, stateRows: Int64,
        lateRowsDropped: Int64, malformedLines: Int64, ends: [String: String]
    ) {
        self.batch = batch
        self.triggerTime = triggerTime
        self.startTime = startTime
        self.commitTime = commitTime
        self.rows = rows
        self.stateRows = stateRows
        self.lateRowsDropped = lateRowsDropped
        self.malformedLines = malformedLines
        self.ends = ends
    }

    /// The name the job's event lines give its one input in `ends`.
    public static let sourceName = "orders"
}
