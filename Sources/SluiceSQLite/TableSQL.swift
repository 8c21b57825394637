import SluiceCore

/// The SQL text that writes a batch into a data table, built from the batch's schema and write mode:
/// pure, so the statements can be checked without a database.
struct TableSQL {
    let table: String
    let schema: Schema
    /// The upsert key columns; empty unless the mode is `.upsert`.
    let keys: [String]

    init(table: String, schema: Schema, mode: TableWriteMode) {
        self.table = table
        self.schema = schema
        if case .upsert(let keys) = mode { self.keys = keys } else { self.keys = [] }
    }

    /// `name` as a SQL identifier: in double quotes, inner quotes doubled, so `window.start` or
    /// `a "b"` name one column.
    static func quote(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }

    /// The column type a Sluice type is stored as: integers, timestamps (microseconds) and booleans
    /// (0 or 1) as INTEGER, doubles as REAL, strings as TEXT.
    static func declaredType(of type: DataType) -> String {
        switch type {
        case .int64, .timestamp, .bool: "INTEGER"
        case .double: "REAL"
        case .string: "TEXT"
        }
    }

    /// Creates the table, with the upsert keys as its primary key.
    var createTable: String {
        var columns = schema.fields.map { Self.quote($0.name) + " " + Self.declaredType(of: $0.type) }
        if !keys.isEmpty { columns.append("PRIMARY KEY (" + keys.map(Self.quote).joined(separator: ", ") + ")") }
        return "CREATE TABLE \(Self.quote(table)) (" + columns.joined(separator: ", ") + ")"
    }

    /// Inserts one row, its values bound to parameters 1, 2, … in schema order; with keys, a row whose
    /// key exists updates the other columns in place instead.
    var insertRow: String {
        let names = schema.fields.map { Self.quote($0.name) }
        let parameters = (0 ..< schema.count).map { "?\($0 + 1)" }
        var sql = "INSERT INTO \(Self.quote(table)) (" + names.joined(separator: ", ") + ") VALUES ("
            + parameters.joined(separator: ", ") + ")"
        guard !keys.isEmpty else { return sql }
        let others = schema.fields.map(\.name).filter { !keys.contains($0) }.map(Self.quote)
        sql += " ON CONFLICT (" + keys.map(Self.quote).joined(separator: ", ") + ")"
        sql += others.isEmpty ? " DO NOTHING" : " DO UPDATE SET " + others.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        return sql
    }

    /// Deletes every row (before the rows of a `.replace` write).
    var deleteAllRows: String { "DELETE FROM \(Self.quote(table))" }

    /// The table's columns as SQLite describes them: name, declared type, position in the primary key
    /// (0 if not in it). No rows when the table does not exist.
    static let describeColumns = "SELECT name, type, pk FROM pragma_table_info(?1)"
}
