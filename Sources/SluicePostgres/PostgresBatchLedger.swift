import SluiceCore

/// The `sluice_batches` table: per target table and job, the last batch committed into it, updated in
/// the same transaction as the batch's rows, so a batch run again after a crash is recognised.
///
/// ```sql
/// CREATE TABLE sluice_batches (table_name TEXT, job_id TEXT, batch_id BIGINT NOT NULL,
///                              PRIMARY KEY (table_name, job_id))
/// ```
enum PostgresBatchLedger {
    static let tableName = "sluice_batches"

    /// Creates the ledger if it does not exist, in its own transaction; concurrent first writers wait
    /// for each other on an advisory lock instead of racing on the catalog.
    static func create(on connection: PostgresConnection) throws {
        try connection.transaction { transaction in
            try transaction.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", ["sluice table \(tableName)"])
            try transaction.execute("""
                CREATE TABLE IF NOT EXISTS \(tableName) (table_name TEXT NOT NULL, job_id TEXT NOT NULL, \
                batch_id BIGINT NOT NULL, PRIMARY KEY (table_name, job_id))
                """)
        }
    }

    /// Inside a write's transaction, makes `batch` the last batch of `table` for `job` unless it already
    /// holds `batch` or a later one; the row stays locked until the transaction ends, so two writers of
    /// one table and job take turns. Returns whether the batch is new.
    static func claim(_ batch: BatchID, table: String, job: String, in transaction: PostgresTransaction) throws -> Bool {
        let inserted = try transaction.execute("""
            INSERT INTO \(tableName) (table_name, job_id, batch_id) VALUES ($1, $2, $3) \
            ON CONFLICT (table_name, job_id) DO NOTHING RETURNING batch_id
            """, [table, job, String(batch.rawValue)])
        if !inserted.rows.isEmpty { return true }
        let locked = try transaction.execute(
            "SELECT batch_id FROM \(tableName) WHERE table_name = $1 AND job_id = $2 FOR UPDATE", [table, job])
        guard let last = locked.scalar.flatMap(Int64.init) else {
            throw PostgresError(server: transaction.server, statement: nil,
                                message: "\(tableName) has no readable row for table \(table), job \(job)", sqlState: nil)
        }
        guard batch.rawValue > last else { return false }
        try transaction.execute("UPDATE \(tableName) SET batch_id = $3 WHERE table_name = $1 AND job_id = $2",
                                [table, job, String(batch.rawValue)])
        return true
    }

    /// The last batch committed into `table` by `job`, nil if none.
    static func lastBatch(table: String, job: String, on connection: PostgresConnection) throws -> BatchID? {
        try connection.execute("SELECT batch_id FROM \(tableName) WHERE table_name = $1 AND job_id = $2", [table, job])
            .scalar.flatMap(Int64.init).map(BatchID.init)
    }
}
