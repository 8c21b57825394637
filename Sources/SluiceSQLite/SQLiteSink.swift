import Synchronization
import SluiceCore
import SluiceStructured

/// Writes each micro-batch of a streaming query into a table of a SQLite database file, exactly once
/// per batch id (see `SQLiteTable`): append mode inserts the rows, update mode upserts them on the key
/// columns, complete mode replaces the table's rows.
///
/// The database is opened when the query starts (`check(outputMode:)`) or by the first batch.
public final class SQLiteSink: StreamingSink {
    /// The database file.
    public let path: String
    /// The table written.
    public let tableName: String
    /// The job whose batch ids the table counts.
    public let jobID: String
    /// The columns update mode upserts on (a query's grouping columns).
    public let keyColumns: [String]
    private let opened = Mutex<SQLiteTable?>(nil)

    /// A sink into `table` of the database at `path`. `jobID` defaults to the table's name, so a query
    /// restarted from its checkpoint is the same job; give a query that starts again from batch 0 (a
    /// new checkpoint) a new one, or its first batches will be taken as already written.
    public init(path: String, table: String, jobID: String? = nil, keyColumns: [String] = []) {
        self.path = path
        self.tableName = table
        self.jobID = jobID ?? table
        self.keyColumns = keyColumns
    }

    /// Refuses update mode without key columns, and a database that cannot be opened.
    public func check(outputMode mode: OutputMode) throws(AnalysisError) {
        _ = try writeMode(for: mode)
        do {
            _ = try table()
        } catch {
            throw AnalysisError("the SQLite sink cannot open its table: \(error)")
        }
    }

    public func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws {
        try table().write(batch: batchID, rows: rows, schema: schema, mode: writeMode(for: mode))
    }

    /// The table the sink writes, opened on first use.
    public func table() throws(SQLiteError) -> SQLiteTable {
        try opened.withLock { opened throws(SQLiteError) in
            if let opened { return opened }
            let table = try SQLiteTable(path: path, table: tableName, jobID: jobID)
            opened = table
            return table
        }
    }

    /// How the table takes a batch in `mode`: append inserts, update upserts on the key columns,
    /// complete replaces.
    public func writeMode(for mode: OutputMode) throws(AnalysisError) -> TableWriteMode {
        switch mode {
        case .append: return .append
        case .complete: return .replace
        case .update:
            guard !keyColumns.isEmpty else {
                throw AnalysisError("the SQLite sink of table '\(tableName)' needs key columns in update output mode, to update rows in place: pass keyColumns (the grouping columns) or use complete mode")
            }
            return .upsert(keys: keyColumns)
        }
    }
}
