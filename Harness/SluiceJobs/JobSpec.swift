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

    public init(api: API, query: JobQuery, input: String, filesPerBatch: Int, sink: JobSink, table: String,
                checkpoint: String, snapshotInterval: Int = 10) {
        self.api = api
        self.query = query
        self.input = input
        self.filesPerBatch = filesPerBatch
        self.sink = sink
        self.table = table
        self.checkpoint = checkpoint
        self.snapshotInterval = snapshotInterval
    }
}
