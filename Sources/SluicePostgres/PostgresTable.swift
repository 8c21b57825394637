import Synchronization
import SluiceCore

/// A PostgreSQL table written one transaction per batch, together with the batch id in
/// `sluice_batches`, so that a batch run again after a crash is not written twice: Sluice's
/// exactly-once sink into PostgreSQL.
///
/// Each `write` is one transaction: it locks the `(table, job)` row of `sluice_batches` (making it if
/// new), rolls back and returns false if that row already holds this batch or a later one, creates
/// the table from the schema if it does not exist (types as `PostgresTypeMapping` lists them, an
/// upserted table with its keys as primary key), writes the rows (`.append` inserts, `.upsert`
/// inserts or updates in place by key, `.replace` deletes every row first), records the batch, passes
/// the `inside-sink-transaction` fault point and commits.
///
/// `table` is one identifier in the session's current schema (`search_path`), taken as it is spelled
/// (quoted: `Counts` and `window.start` keep their case and dots); the rows' column names must match
/// the table's. An existing table may have more columns than the schema (they take their defaults).
///
/// The job id must name one checkpointed query for good: a restart keeps it, and finds its batches. A
/// *new* query (a fresh checkpoint) numbers its batches from 0 again, so under a job id that already
/// wrote it would see its first batches as replays and skip them: give it another job id, or delete
/// the job's row from `sluice_batches` (and the table's rows) first.
public final class PostgresTable: TransactionalTable {
    /// The table's name.
    public let table: String
    /// The writer's name in `sluice_batches`: stable across restarts, so a restarted job finds its
    /// batches (the table's name unless given).
    public let jobID: String
    let connection: PostgresConnection
    private let prepared = Mutex<Prepared>(Prepared())

    /// What this writer already made sure of, forgotten after an error.
    private struct Prepared {
        var ledger = false
        var schema: Schema?
    }

    /// A table written through a connection made from `conninfo` at the first call; `jobID` tells
    /// apart jobs that write the same table (default: the table's name).
    public init(conninfo: String, table: String, jobID: String? = nil) {
        self.table = table
        self.jobID = jobID ?? table
        self.connection = PostgresConnection(conninfo: conninfo)
    }

    @discardableResult
    public func write(batch: BatchID, rows: [RecordBatch], schema: Schema, mode: TableWriteMode) throws -> Bool {
        try check(rows: rows, schema: schema, mode: mode)
        try prepareLedger()
        do {
            return try connection.withConnection { connection in
                try connection.begin()
                do {
                    let transaction = PostgresTransaction(connection: connection)
                    guard try PostgresBatchLedger.claim(batch, table: table, job: jobID, in: transaction) else {
                        try connection.rollback()
                        return false
                    }
                    try prepareTable(schema: schema, mode: mode, in: transaction)
                    try writeRows(rows, schema: schema, mode: mode, in: transaction)
                    FaultInjector.process.reach(.insideSinkTransaction, batch: batch)
                    try connection.commit()
                    return true
                } catch {
                    if !connection.isBroken { try? connection.rollback() }
                    throw error
                }
            }
        } catch {
            prepared.withLock { $0 = Prepared() }
            throw error
        }
    }

    public func lastCommittedBatch() throws -> BatchID? {
        try prepareLedger()
        return try PostgresBatchLedger.lastBatch(table: table, job: jobID, on: connection)
    }

    /// Closes the connection; the next call opens a new one.
    public func close() { connection.close() }

    /// Throws, naming the table, if the names cannot be PostgreSQL identifiers, a key is not a column,
    /// or a chunk's columns are not `schema`'s names and types.
    private func check(rows: [RecordBatch], schema: Schema, mode: TableWriteMode) throws {
        let names = [table] + schema.fields.map(\.name)
        if let problem = names.lazy.compactMap(SQLIdentifier.problem).first {
            throw error("table \(table): \(problem)")
        }
        if schema.count == 0 { throw error("table \(table): the batch's schema has no columns") }
        if case .upsert(let keys) = mode {
            if keys.isEmpty { throw error("table \(table): an upsert needs key columns") }
            if let unknown = keys.first(where: { schema.index(of: $0) == nil }) {
                throw error("table \(table): key column '\(unknown)' is not in the batch's schema \(schema)")
            }
        }
        let shape = schema.fields.map { [$0.name, $0.type.rawValue] }
        if let other = rows.first(where: { $0.schema.fields.map { [$0.name, $0.type.rawValue] } != shape }) {
            throw error("table \(table): a chunk has schema \(other.schema) where \(schema) was expected")
        }
    }

    private func prepareLedger() throws {
        guard !prepared.withLock({ $0.ledger }) else { return }
        try PostgresBatchLedger.create(on: connection)
        prepared.withLock { $0.ledger = true }
    }

    /// Creates the table if it does not exist and checks that `schema` fits it (once per schema).
    private func prepareTable(schema: Schema, mode: TableWriteMode, in transaction: PostgresTransaction) throws {
        guard prepared.withLock({ $0.schema != schema }) else { return }
        var columns = try PostgresTableCatalog.columns(of: table, using: transaction)
        if columns.isEmpty {
            let keys = if case .upsert(let keys) = mode { keys } else { [String]() }
            try transaction.execute("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", ["sluice table \(table)"])
            try transaction.execute(PostgresTableCatalog.createStatement(table: table, schema: schema, primaryKey: keys))
            columns = try PostgresTableCatalog.columns(of: table, using: transaction)
        }
        if let mismatch = PostgresTableCatalog.mismatch(table: table, schema: schema, columns: columns) {
            throw error(mismatch)
        }
        prepared.withLock { $0.schema = schema }
    }

    private func writeRows(_ batches: [RecordBatch], schema: Schema, mode: TableWriteMode, in transaction: PostgresTransaction) throws {
        var upsertKeys: [String]?
        switch mode {
        case .append: break
        case .upsert(let keys): upsertKeys = keys
        case .replace: try transaction.execute("DELETE FROM \(SQLIdentifier.quote(table))")
        }
        let inserts = PostgresInsertStatements(table: table, columns: schema.fields.map(\.name),
                                               rows: PostgresInsertStatements.rows(of: batches), upsertKeys: upsertKeys)
        for statement in inserts.statements {
            try transaction.execute(statement.sql, statement.parameters)
        }
    }

    private func error(_ message: String) -> PostgresError {
        PostgresError(server: connection.server, statement: nil, message: message, sqlState: nil)
    }
}
