import SluiceCore

extension SQLiteTable {
    /// Every row of the table as boxed values (for tests and checkers), sorted by `orderedBy` columns;
    /// no rows if nothing was written yet. With `schema`, its columns are read in its order and typed
    /// by it (INTEGER read back as bool or timestamp where it says so); without, every column in the
    /// table's order, typed by what SQLite stores (integer, double, string, null). Every column named
    /// must exist: SQLite would read an unknown double-quoted name as a string constant.
    public func rows(orderedBy columns: [String] = [], schema: Schema? = nil) throws(SQLiteError) -> [[Value]] {
        let selected = schema.map { $0.fields.map { TableSQL.quote($0.name) }.joined(separator: ", ") } ?? "*"
        var sql = "SELECT \(selected) FROM \(TableSQL.quote(table))"
        if !columns.isEmpty { sql += " ORDER BY " + columns.map(TableSQL.quote).joined(separator: ", ") }
        do throws(SQLiteError) {
            return try connection.withLock { connection throws(SQLiteError) in
                let existing = try existingColumns(on: connection)
                guard !existing.isEmpty else { return [] }
                let named = columns + (schema?.fields.map(\.name) ?? [])
                if let missing = named.first(where: { name in !existing.contains { $0.name == name } }) {
                    let known = existing.map(\.name).joined(separator: ", ")
                    throw SQLiteError(path: path, table: table, message: "no column '\(missing)' to read; the table's columns are (\(known))")
                }
                let select = try connection.prepare(sql)
                var rows: [[Value]] = []
                while try select.step() {
                    rows.append((0 ..< select.columnCount).map { column in
                        Self.value(of: select, column: column, as: schema?.fields[Int(column)].type)
                    })
                }
                return rows
            }
        } catch {
            throw error.naming(table: table)
        }
    }

    private static func value(of statement: SQLiteStatement, column: Int32, as type: DataType?) -> Value {
        switch (statement.storageClass(column), type) {
        case (.null, _): .null
        case (.integer, .bool): .bool(statement.int64(column) != 0)
        case (.integer, .timestamp): .timestamp(statement.int64(column))
        case (.integer, .double): .double(Double(statement.int64(column)))
        case (.integer, _): .int64(statement.int64(column))
        case (.real, _): .double(statement.double(column))
        case (.text, _), (.blob, _): .string(statement.text(column) ?? "")
        }
    }
}
