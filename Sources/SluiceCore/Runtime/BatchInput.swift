/// One input of a streaming job as the driver sees it: at each batch time the driver cuts what arrived.
///
/// Push receivers (a socket, in-process producers) deliver through the ingest ring and their input
/// drains it at the cut; pull inputs (a directory, a test queue) look for new data at the cut itself,
/// which keeps them deterministic under a manual clock.
public protocol BatchInput: AnyObject, Sendable {
    /// A name for metrics and error messages, e.g. `directory /data/in` or `socket localhost:9999`.
    var name: String { get }
    /// The schema of the chunks this input delivers.
    var schema: Schema { get }
    /// Starts receiving (threads, connections, the directory's initial listing).
    func start() throws
    /// Takes the data that arrived since the previous cut, for the batch `batch` at `time`.
    func cut(for batch: BatchID, at time: Timestamp) -> InputSlice
    /// Whether a cut now would take data: the available-now trigger runs batches while any input has some.
    var hasPendingData: Bool { get }
    /// Stops receiving; data not yet cut is dropped.
    func stop()
}

/// What one input contributes to one micro-batch.
public struct InputSlice: Sendable {
    /// The rows, as the chunks they arrived in.
    public var chunks: [RecordBatch]
    /// Records that could not be decoded and were skipped.
    public var malformedRecords: Int
    /// What went wrong while receiving (the job goes on), in order.
    public var problems: [InputProblem]
    /// Where a replayable input stands after this slice; nil for inputs that cannot replay.
    public var end: SourceOffset?

    public init(chunks: [RecordBatch] = [], malformedRecords: Int = 0, problems: [InputProblem] = [], end: SourceOffset? = nil) {
        self.chunks = chunks
        self.malformedRecords = malformedRecords
        self.problems = problems
        self.end = end
    }

    /// The number of rows in the chunks.
    public var records: Int { chunks.reduce(0) { $0 + $1.rowCount } }
}

/// A named, non-fatal receiving problem: a lost connection, an unreadable file, a malformed line.
public struct InputProblem: Sendable, Equatable, CustomStringConvertible, Error {
    /// What failed: a file path, `host:port`, a producer name.
    public var source: String
    /// The 1-based line, where the problem is about one.
    public var line: Int?
    public var message: String

    public init(source: String, line: Int? = nil, message: String) {
        self.source = source
        self.line = line
        self.message = message
    }

    public var description: String {
        line.map { "\(source) line \($0): \(message)" } ?? "\(source): \(message)"
    }
}
