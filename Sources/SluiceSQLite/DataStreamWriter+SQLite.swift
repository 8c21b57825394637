import SluiceStructured

extension DataStreamWriter {
    /// Writes each batch into `table` of the SQLite database at `path`, exactly once per batch id (see
    /// `SQLiteSink`); update mode upserts on `keyColumns`. `jobID` defaults to the table's name.
    public func sqlite(path: String, table: String, keyColumns: [String] = [], jobID: String? = nil) -> DataStreamWriter {
        sink(SQLiteSink(path: path, table: table, jobID: jobID, keyColumns: keyColumns))
    }
}
