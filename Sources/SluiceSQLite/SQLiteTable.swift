import Synchronization
import SluiceCore

/// A table of a SQLite database file that takes each batch's rows in one transaction together with
/// the batch id (kept in the file's `sluice_batches` table per table and job), so a batch run again
/// after a crash is recognised and not written twice: the exactly-once end of a pipeline.
///
/// The file is in WAL mode with `synchronous=FULL`: once `write` returns true the batch survives a
/// crash or a power cut, and a writer killed inside its transaction leaves no trace of that batch.
/// The data table is created from the first batch's schema: int64 and timestamp (microseconds) as
/// INTEGER, bool as INTEGER 0 or 1, double as REAL, string as TEXT, with the keys of an upsert as its
/// primary key.
public final class SQLiteTable: TransactionalTable {
    /// The database file.
    public let path: String
    /// The data table's name.
    public let table: String
    /// The job whose batches the table counts; a restarted job must use the same id.
    public let jobID: String
    let connection: Mutex<SQLiteConnection>

    /// Opens the database at `path`, creating the file and its bookkeeping table if needed; the data
    /// table is created by the first write.
    public init(path: String, table: String, jobID: String) throws(SQLiteError) {
        guard !table.isEmpty, table != BatchBookkeeping.tableName, !table.contains("\0") else {
            throw SQLiteError(path: path, table: table, message: "the table needs a name other than '', '\(BatchBookkeeping.tableName)' or one holding NUL")
        }
        let connection = try SQLiteConnection(path: path)
        try connection.execute(BatchBookkeeping.createTable)
        self.path = path
        self.table = table
        self.jobID = jobID
        self.connection = Mutex(connection)
    }

    /// Writes `rows` as batch `batch` in one transaction, unless the table holds that batch or a later
    /// one already; returns whether it wrote. The fault point `inside-sink-transaction` is reached
    /// with every row written and the transaction not yet committed.
    @discardableResult
    public func write(batch: BatchID, rows: [RecordBatch], schema: Schema, mode: TableWriteMode) throws(SQLiteError) -> Bool {
        if let problem = WriteValidation.problem(schema: schema, mode: mode, rows: rows) {
            throw SQLiteError(path: path, table: table, message: problem)
        }
        let sql = TableSQL(table: table, schema: schema, mode: mode)
        return try connection.withLock { connection throws(SQLiteError) in
            do throws(SQLiteError) {
                try connection.begin()
                if let last = try BatchBookkeeping.lastCommitted(table: table, job: jobID, on: connection), batch <= last {
                    try connection.rollback()
                    return false
                }
                try prepareTable(sql, on: connection)
                if mode == .replace { try connection.execute(sql.deleteAllRows) }
                try insert(rows, sql: sql, on: connection)
                try BatchBookkeeping.record(batch, table: table, job: jobID, on: connection)
                FaultInjector.process.reach(.insideSinkTransaction, batch: batch)
                try connection.commit()
                return true
            } catch {
                if connection.isInsideTransaction { try? connection.rollback() }
                throw error.naming(table: table)
            }
        }
    }

    /// The last batch this job committed into the table, nil if none.
    public func lastCommittedBatch() throws(SQLiteError) -> BatchID? {
        do throws(SQLiteError) {
            return try connection.withLock { connection throws(SQLiteError) in
                try BatchBookkeeping.lastCommitted(table: table, job: jobID, on: connection)
            }
        } catch {
            throw error.naming(table: table)
        }
    }

    /// Creates the table if it does not exist, else checks that its columns are the batch's.
    private func prepareTable(_ sql: TableSQL, on connection: SQLiteConnection) throws(SQLiteError) {
        let columns = try existingColumns(on: connection)
        if columns.isEmpty { return try connection.execute(sql.createTable) }
        if let problem = WriteValidation.problem(existing: columns, sql: sql) {
            throw SQLiteError(path: path, table: table, message: problem)
        }
    }

    /// The table's columns; empty if the table does not exist.
    func existingColumns(on connection: SQLiteConnection) throws(SQLiteError) -> [TableColumn] {
        let describe = try connection.prepare(TableSQL.describeColumns)
        try describe.bind(table, at: 1)
        var columns: [TableColumn] = []
        while try describe.step() {
            columns.append(TableColumn(name: describe.text(0) ?? "", type: describe.text(1) ?? "", primaryKeyPosition: describe.int64(2)))
        }
        return columns
    }

    /// Inserts every row with one prepared statement, bound column by column from the typed columns.
    private func insert(_ rows: [RecordBatch], sql: TableSQL, on connection: SQLiteConnection) throws(SQLiteError) {
        let statement = try connection.prepare(sql.insertRow)
        for batch in rows where batch.rowCount > 0 {
            let binders = batch.columns.enumerated().map { position, column in
                ColumnBinder(column: column, parameter: Int32(position + 1), statement: statement)
            }
            for row in 0 ..< batch.rowCount {
                for binder in binders { try binder.bind(row) }
                _ = try statement.step()
                statement.reset()
            }
        }
    }
}
