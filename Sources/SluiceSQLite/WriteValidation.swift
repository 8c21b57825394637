import SluiceCore

/// A column of an existing table, as `pragma_table_info` describes it.
struct TableColumn: Equatable {
    let name: String
    /// The declared type, e.g. `INTEGER`.
    let type: String
    /// The column's position in the primary key, from 1; 0 if it is not part of it.
    let primaryKeyPosition: Int64
}

/// Checks that a batch fits its table before a row is written; each problem names the column. Pure:
/// the caller turns a problem into an error naming the database and the table.
enum WriteValidation {
    /// What is wrong with the batch alone: a schema without columns, upsert keys that are not in the
    /// schema, rows whose columns are not the schema's, or a null key.
    static func problem(schema: Schema, mode: TableWriteMode, rows: [RecordBatch]) -> String? {
        guard schema.count > 0 else { return "the batch's schema has no columns" }
        if case .upsert(let keys) = mode, let problem = problem(keys: keys, schema: schema) { return problem }
        let types = schema.fields.map(\.type)
        if let index = rows.firstIndex(where: { $0.schema.fields.map(\.type) != types }) {
            return "rows \(index) of the batch have columns \(rows[index].schema), the batch's schema is \(schema)"
        }
        if case .upsert(let keys) = mode { return nullKeyProblem(keys: keys, schema: schema, rows: rows) }
        return nil
    }

    /// What differs between the batch (its schema, and its keys if it upserts) and the columns of the
    /// existing table.
    static func problem(existing columns: [TableColumn], sql: TableSQL) -> String? {
        let byName = Dictionary(columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let described = "(" + columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ") + ")"
        for field in sql.schema.fields {
            let expected = TableSQL.declaredType(of: field.type)
            guard let column = byName[field.name] else {
                return "column '\(field.name)' of the batch's schema is not in the table, whose columns are \(described)"
            }
            guard column.type.uppercased() == expected else {
                return "column '\(field.name)' is \(column.type) in the table but \(field.type) (stored as \(expected)) in the batch's schema"
            }
        }
        if let extra = columns.first(where: { sql.schema.index(of: $0.name) == nil }) {
            return "the table's column '\(extra.name)' is not in the batch's schema \(sql.schema)"
        }
        guard !sql.keys.isEmpty else { return nil }
        let primaryKey = columns.filter { $0.primaryKeyPosition > 0 }.sorted { $0.primaryKeyPosition < $1.primaryKeyPosition }.map(\.name)
        guard Set(primaryKey) != Set(sql.keys) else { return nil }
        let keys = sql.keys.joined(separator: ", ")
        if primaryKey.isEmpty {
            return "the table has no primary key, so it cannot be upserted on (\(keys)): it was made for append or complete mode"
        }
        return "the table's primary key is (\(primaryKey.joined(separator: ", "))), not the upsert keys (\(keys))"
    }

    private static func problem(keys: [String], schema: Schema) -> String? {
        guard !keys.isEmpty else { return "an upsert needs at least one key column" }
        let missing = keys.filter { schema.index(of: $0) == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            return "upsert key \(missing.count == 1 ? "column" : "columns") \(names) \(missing.count == 1 ? "is" : "are") not in the batch's schema \(schema)"
        }
        if let repeated = keys.enumerated().first(where: { keys[..<$0.offset].contains($0.element) }) {
            return "upsert key column '\(repeated.element)' is named twice"
        }
        return nil
    }

    private static func nullKeyProblem(keys: [String], schema: Schema, rows: [RecordBatch]) -> String? {
        var rowsBefore = 0
        for batch in rows {
            for key in keys {
                guard let index = schema.index(of: key) else { continue }
                let column = batch.columns[index]
                guard column.validity != nil, let row = (0 ..< batch.rowCount).first(where: column.isNull) else { continue }
                return "upsert key column '\(key)' is null in row \(rowsBefore + row) of the batch; keys must not be null"
            }
            rowsBefore += batch.rowCount
        }
        return nil
    }
}
