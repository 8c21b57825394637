import SluiceCore

/// The `sluice_batches` table of a database: for each (data table, job), the last batch committed.
/// It is updated in the same transaction as the batch's rows, so the two are durable together or not
/// at all, and a batch run again after a crash is recognised.
enum BatchBookkeeping {
    /// Creates the table if the database has none.
    static let createTable = """
        CREATE TABLE IF NOT EXISTS sluice_batches (table_name TEXT NOT NULL, job_id TEXT NOT NULL, \
        batch_id INTEGER NOT NULL, PRIMARY KEY (table_name, job_id))
        """

    /// The name of the bookkeeping table, which a data table may not take.
    static let tableName = "sluice_batches"

    /// The last batch `job` committed into `table`, nil if none.
    static func lastCommitted(table: String, job: String, on connection: SQLiteConnection) throws(SQLiteError) -> BatchID? {
        let select = try connection.prepare("SELECT batch_id FROM sluice_batches WHERE table_name = ?1 AND job_id = ?2")
        try select.bind(table, at: 1)
        try select.bind(job, at: 2)
        return try select.singleInt64().map(BatchID.init)
    }

    /// Records `batch` as the last batch `job` committed into `table`; part of the batch's transaction.
    static func record(_ batch: BatchID, table: String, job: String, on connection: SQLiteConnection) throws(SQLiteError) {
        let upsert = try connection.prepare("""
            INSERT INTO sluice_batches (table_name, job_id, batch_id) VALUES (?1, ?2, ?3) \
            ON CONFLICT (table_name, job_id) DO UPDATE SET batch_id = excluded.batch_id
            """)
        try upsert.bind(table, at: 1)
        try upsert.bind(job, at: 2)
        try upsert.bind(batch.rawValue, at: 3)
        _ = try upsert.step()
    }
}
