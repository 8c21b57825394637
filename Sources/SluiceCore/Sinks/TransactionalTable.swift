/// How a batch's rows change a table.
public enum TableWriteMode: Sendable, Hashable {
    /// Inserts every row (append output mode).
    case append
    /// Inserts rows whose key is new and replaces the rows whose key exists, in place (update output
    /// mode; the lecture's MySQL counts).
    case upsert(keys: [String])
    /// Replaces the table's rows with the batch's (complete output mode).
    case replace
}

/// A table that takes each batch's rows in one transaction together with the batch id, so a batch run
/// again after a crash is recognised and not written twice: the exactly-once end of a pipeline.
public protocol TransactionalTable: Sendable {
    /// Writes `rows` as batch `batch` in one transaction, unless the table already holds that batch;
    /// returns whether it wrote. Throws, naming the table and the problem, when the rows do not fit.
    @discardableResult
    func write(batch: BatchID, rows: [RecordBatch], schema: Schema, mode: TableWriteMode) throws -> Bool
    /// The last batch the table committed, nil if none.
    func lastCommittedBatch() throws -> BatchID?
}
