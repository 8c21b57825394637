/// Everything a checkpointed order job needs: the query, which API runs it, where the order files
/// come from and how many a batch takes, the sink and the checkpoint.
public struct JobSpec: Sendable {
    /// Which of Sluice's two APIs runs the query.
    public enum API: String, Sendable, CaseIterable {
        case structured, dstream
    }

    public var api: API
    public var query: JobQuery
    /// The directory the order files are moved into.
    public var input: String
    public var filesPerBatch: Int
    public var sink: JobSink
    /// The result table's name.
    public var table: String
    public var checkpoint: String
    public var snapshotInterval: Int
    /// Where to append a line per committed batch (``JobBatchEvent``); nil writes none.
    public var events: String?
    /// Wait for files until this one appears in the input directory, instead of stopping when the input
    /// is used up; nil stops at the end of the input.
    public var untilMarker: String?
    /// The time between rounds of batches while waiting for files.
    public var batchInterval: Duration

    public init(api: API, query: JobQuery, input: String, filesPerBatch: Int, sink: JobSink, table: String,
                checkpoint: String, snapshotInterval: Int = 10, events: String? = nil, untilMarker: String? = nil,
                batchInterval: Duration = .milliseconds(250)) {
        self.api = api
        self.query = query
        self.input = input
        self.filesPerBatch = filesPerBatch
        self.sink = sink
        self.table = table
        self.checkpoint = checkpoint
        self.snapshotInterval = snapshotInterval
        self.events = events
        self.untilMarker = untilMarker
        self.batchInterval = batchInterval
    }

    /// The pacing of a job that waits for its marker, nil for one that stops at the end of its input.
    var pacing: JobPacing? {
        untilMarker.map { JobPacing(marker: "\(input)/\($0)", interval: batchInterval) }
    }
}
