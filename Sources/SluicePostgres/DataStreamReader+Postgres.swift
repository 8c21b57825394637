import SluiceCore
import SluiceStructured

extension DataStreamReader {
    /// The rows of an append-only PostgreSQL table in the order of its integer `keyColumn`, each batch
    /// taking the rows added since the previous one (at most `maxRowsPerBatch`), decoded into `schema`
    /// from the columns of the same names: a `PostgresTableInput`, whose caveat on key order applies.
    public func postgresTable(conninfo: String, table: String, keyColumn: String, schema: Schema, maxRowsPerBatch: Int? = nil) -> DataFrame {
        stream(name: "postgres table \(table)", schema: schema) {
            PostgresTableInput(conninfo: conninfo, table: table, keyColumn: keyColumn, schema: schema, maxRowsPerBatch: maxRowsPerBatch)
        }
    }
}
