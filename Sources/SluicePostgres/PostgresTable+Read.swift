import SluiceCore

extension PostgresTable {
    /// The table's columns as Sluice fields (all nullable), read as `PostgresTypeMapping` says; nil if
    /// the table does not exist.
    public func schema() throws -> Schema? {
        let columns = try PostgresTableCatalog.columns(of: table, using: connection)
        return columns.isEmpty ? nil : Schema(readers(columns).map(\.field))
    }

    /// Every row of the table as boxed values in column order, sorted by every column in turn (so the
    /// answer does not depend on how PostgreSQL stored the rows): for tests and checkers, not for
    /// large tables. Throws, naming the table, if it does not exist.
    public func allRows() throws -> [[Value]] {
        let columns = try PostgresTableCatalog.columns(of: table, using: connection)
        guard !columns.isEmpty else {
            throw PostgresError(server: connection.server, statement: nil, message: "table \(table) does not exist", sqlState: nil)
        }
        let readers = readers(columns)
        let sql = "SELECT \(readers.map(\.expression).joined(separator: ", ")) FROM \(SQLIdentifier.quote(table)) "
            + "ORDER BY \((1 ... readers.count).map(String.init).joined(separator: ", "))"
        return try connection.execute(sql).rows.map { row in
            try zip(readers, row).map { reader, text in
                switch reader.decode(text) {
                case .success(let value): return value
                case .failure(let failure):
                    throw PostgresError(server: connection.server, statement: sql,
                                        message: "table \(table), column '\(reader.field.name)': \(failure.reason)", sqlState: nil)
                }
            }
        }
    }

    private func readers(_ columns: [PostgresColumn]) -> [PostgresColumnReader] {
        columns.map { column in
            PostgresColumnReader(field: Field(column.name, PostgresTypeMapping.dataType(reading: column.type), nullable: true),
                                 postgresType: column.type)
        }
    }
}
