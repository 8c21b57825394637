import SluiceStructured

extension DataStreamWriter {
    /// Writes each batch into the PostgreSQL table `table` exactly once (a `PostgresSink`); update mode
    /// needs `keyColumns`. The table is created from the query's schema if it does not exist. `jobID`
    /// names the query in `sluice_batches` (default: the table's name) and must stay the same across
    /// its restarts; see `PostgresTable` for when to choose another.
    public func postgres(conninfo: String, table: String, keyColumns: [String] = [], jobID: String? = nil) -> DataStreamWriter {
        sink(PostgresSink(conninfo: conninfo, table: table, keyColumns: keyColumns, jobID: jobID))
    }
}
