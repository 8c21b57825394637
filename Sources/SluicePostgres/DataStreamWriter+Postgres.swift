import SluiceStructured

extension DataStreamWriter {
    /// Writes each batch into the PostgreSQL table `table` exactly once (a `PostgresSink`); update mode
    /// needs `keyColumns`. The table is created from the query's schema if it does not exist.
    public func postgres(conninfo: String, table: String, keyColumns: [String] = []) -> DataStreamWriter {
        sink(PostgresSink(conninfo: conninfo, table: table, keyColumns: keyColumns))
    }
}
