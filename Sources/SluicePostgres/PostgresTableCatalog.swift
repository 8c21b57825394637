import SluiceCore

/// Something that runs statements: a shared connection, or one transaction of it.
protocol PostgresStatementRunner {
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?]) throws -> PostgresResult
}

extension PostgresConnection: PostgresStatementRunner {}
extension PostgresTransaction: PostgresStatementRunner {}

/// A table's columns as the catalog lists them.
struct PostgresColumn: Sendable, Equatable {
    var name: String
    /// The `information_schema.columns.data_type`, e.g. `bigint` or `timestamp without time zone`.
    var type: String
}

/// What the catalog says about tables in the session's current schema.
enum PostgresTableCatalog {
    /// The columns of `table` in order, empty if there is no such table.
    static func columns(of table: String, using runner: some PostgresStatementRunner) throws -> [PostgresColumn] {
        try runner.execute("""
            SELECT column_name, data_type FROM information_schema.columns \
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position
            """, [table])
            .rows.map { PostgresColumn(name: $0[0] ?? "", type: $0[1] ?? "") }
    }

    /// Why `schema` cannot be written into `table` with `columns`, nil if it can: every field needs a
    /// column of its name and a type that takes its values. Columns the schema lacks are left to their
    /// defaults.
    static func mismatch(table: String, schema: Schema, columns: [PostgresColumn]) -> String? {
        let types = Dictionary(columns.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        for field in schema.fields {
            guard let type = types[field.name] else {
                return "table \(table) has no column '\(field.name)' (its columns: \(columns.map(\.name).joined(separator: ", ")))"
            }
            guard PostgresTypeMapping.accepts(type, for: field.type) else {
                return "table \(table), column '\(field.name)' is \(type), which cannot hold the batch's \(field.type) values "
                    + "(expected \(PostgresTypeMapping.columnType(for: field.type).lowercased()))"
            }
        }
        return nil
    }

    /// `CREATE TABLE IF NOT EXISTS` with a column per field (`NOT NULL` unless nullable) and, for an
    /// upserted table, its keys as the primary key.
    static func createStatement(table: String, schema: Schema, primaryKey: [String]) -> String {
        var parts = schema.fields.map { field in
            "\(SQLIdentifier.quote(field.name)) \(PostgresTypeMapping.columnType(for: field.type))\(field.isNullable ? "" : " NOT NULL")"
        }
        if !primaryKey.isEmpty { parts.append("PRIMARY KEY (\(primaryKey.map(SQLIdentifier.quote).joined(separator: ", ")))") }
        return "CREATE TABLE IF NOT EXISTS \(SQLIdentifier.quote(table)) (\(parts.joined(separator: ", ")))"
    }
}
