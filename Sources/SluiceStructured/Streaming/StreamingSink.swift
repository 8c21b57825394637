import Synchronization
import SluiceCore

/// Where a streaming query writes each micro-batch's output rows.
public protocol StreamingSink: Sendable {
    /// Throws if the sink cannot write in `mode`; called when a query starts. Every mode is accepted
    /// unless a sink says otherwise.
    func check(outputMode mode: OutputMode) throws(AnalysisError)
    /// Takes the rows of batch `batchID` in `mode`; a batch run again after a failure has the same id.
    func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws
}

extension StreamingSink {
    public func check(outputMode mode: OutputMode) throws(AnalysisError) {}
}

/// A named in-memory table that other code can query while the stream runs (`session.table(name)`):
/// complete mode replaces its rows each batch, append and update add them.
public final class MemorySink: StreamingSink {
    public let name: String
    private let state = Mutex<(schema: Schema?, batches: [RecordBatch], lastBatch: BatchID?)>((nil, [], nil))

    public init(name: String, schema: Schema? = nil) {
        self.name = name
        state.withLock { $0.schema = schema }
    }

    public func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws {
        state.withLock { state in
            if let last = state.lastBatch, batchID <= last { return }
            state.schema = schema
            state.batches = mode == .complete ? rows : state.batches + rows
            state.lastBatch = batchID
        }
    }

    /// The table's current rows.
    public var batches: [RecordBatch] { state.withLock { $0.batches } }
    public var schema: Schema? { state.withLock { $0.schema } }

    /// The table's current rows as boxed values.
    public var rows: [[Value]] { batches.flatMap(\.rows) }
}

/// Prints each batch as Spark's console sink does: a `Batch: N` header and a table.
public final class ConsoleSink: StreamingSink {
    private let printer: @Sendable (String) -> Void
    /// The most rows printed per batch.
    public let rowLimit: Int

    public init(rowLimit: Int = 20, printer: @escaping @Sendable (String) -> Void = { print($0) }) {
        self.rowLimit = rowLimit
        self.printer = printer
    }

    public func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws {
        let values = rows.flatMap(\.rows)
        var text = "-------------------------------------------\nBatch: \(batchID)\n-------------------------------------------\n"
        text += TableFormatter.format(schema: schema, rows: Array(values.prefix(rowLimit)))
        if values.count > rowLimit { text += "only showing top \(rowLimit) rows\n" }
        printer(text)
    }
}

/// Hands each batch's rows to a closure, as a DataFrame, with the batch id: Spark's `foreachBatch`.
public final class ForeachBatchSink: StreamingSink {
    private let session: Session
    private let body: @Sendable (DataFrame, BatchID) throws -> Void

    public init(session: Session, body: @escaping @Sendable (DataFrame, BatchID) throws -> Void) {
        self.session = session
        self.body = body
    }

    public func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws {
        let batches = rows.isEmpty ? [RecordBatch.empty(schema)] : rows
        try body(session.createDataFrame(batches, name: "batch \(batchID)"), batchID)
    }
}
