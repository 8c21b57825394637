import SluiceCore
import SluiceStructured

/// Writes a streaming query's batches into a PostgreSQL table, exactly once: each batch in one
/// transaction with its batch id (see `PostgresTable`). Append mode inserts the new rows, update mode
/// upserts by `keyColumns` (the table's primary key when the sink creates it), complete mode replaces
/// the table's rows.
public final class PostgresSink: StreamingSink {
    /// Where the rows go.
    public let table: PostgresTable
    /// The columns that identify a row in update mode.
    public let keyColumns: [String]

    /// A sink into `table` through `conninfo`; `jobID` tells apart jobs writing the same table and must
    /// stay the same across restarts (default: the table's name).
    public convenience init(conninfo: String, table: String, keyColumns: [String] = [], jobID: String? = nil) {
        self.init(table: PostgresTable(conninfo: conninfo, table: table, jobID: jobID), keyColumns: keyColumns)
    }

    /// A sink into `table`.
    public init(table: PostgresTable, keyColumns: [String] = []) {
        self.table = table
        self.keyColumns = keyColumns
    }

    /// Update mode needs key columns to update rows in place.
    public func check(outputMode mode: OutputMode) throws(AnalysisError) {
        if mode == .update && keyColumns.isEmpty {
            throw AnalysisError("the postgres sink into table \(table.table) needs keyColumns in update mode, "
                + "to update each key's row in place")
        }
    }

    public func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws {
        let tableMode: TableWriteMode = switch mode {
        case .append: .append
        case .update: .upsert(keys: keyColumns)
        case .complete: .replace
        }
        try table.write(batch: batchID, rows: rows, schema: schema, mode: tableMode)
    }
}
