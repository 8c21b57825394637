import SluiceCore

/// The multi-row `INSERT` statements that write a batch's rows, with their parameters.
struct PostgresInsertStatements {
    /// PostgreSQL's limit on the parameters of one statement.
    static let maximumParameters = 65_535
    /// Rows per statement when columns are few: large enough to amortize a round trip.
    static let maximumRowsPerStatement = 1_000

    /// One statement and its parameters, row after row.
    struct Statement: Equatable {
        var sql: String
        var parameters: [String?]
    }

    let statements: [Statement]

    /// The statements inserting `rows` (parameter texts, one per column) into `table`'s `columns`; with
    /// `upsertKeys`, a row whose keys exist replaces the stored row's other columns in place, and when
    /// a key occurs more than once the last row wins (PostgreSQL refuses to touch a row twice in one
    /// statement).
    init(table: String, columns: [String], rows: [[String?]], upsertKeys: [String]?) {
        var rows = rows
        if let upsertKeys {
            let keyIndexes = upsertKeys.compactMap { columns.firstIndex(of: $0) }
            rows = Self.lastPerKey(rows, keyIndexes: keyIndexes)
        }
        let rowsPerStatement = max(1, min(Self.maximumRowsPerStatement, Self.maximumParameters / max(1, columns.count)))
        let head = "INSERT INTO \(SQLIdentifier.quote(table)) (\(columns.map(SQLIdentifier.quote).joined(separator: ", "))) VALUES "
        let tail = upsertKeys.map { Self.conflictClause(columns: columns, keys: $0) } ?? ""
        statements = stride(from: 0, to: rows.count, by: rowsPerStatement).map { start in
            let chunk = rows[start ..< min(rows.count, start + rowsPerStatement)]
            let tuples = chunk.indices.map { row in
                let first = (row - start) * columns.count
                return "(" + (1 ... columns.count).map { "$\(first + $0)" }.joined(separator: ", ") + ")"
            }
            return Statement(sql: head + tuples.joined(separator: ", ") + tail, parameters: chunk.flatMap { $0 })
        }
    }

    /// Every row of `batches` as parameter texts in `schema`'s column order.
    static func rows(of batches: [RecordBatch]) -> [[String?]] {
        batches.flatMap { batch -> [[String?]] in
            let columns = batch.columns.map(PostgresTypeMapping.parameterTexts)
            return (0 ..< batch.rowCount).map { row in columns.map { $0[row] } }
        }
    }

    private static func conflictClause(columns: [String], keys: [String]) -> String {
        let keyList = keys.map(SQLIdentifier.quote).joined(separator: ", ")
        let others = columns.filter { !keys.contains($0) }.map(SQLIdentifier.quote)
        guard !others.isEmpty else { return " ON CONFLICT (\(keyList)) DO NOTHING" }
        return " ON CONFLICT (\(keyList)) DO UPDATE SET " + others.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
    }

    /// `rows` with only the last row of each key, in the order of those last rows.
    private static func lastPerKey(_ rows: [[String?]], keyIndexes: [Int]) -> [[String?]] {
        var last: [[String?]: Int] = [:]
        for (index, row) in rows.enumerated() { last[keyIndexes.map { row[$0] }] = index }
        guard last.count < rows.count else { return rows }
        let kept = Set(last.values)
        return rows.indices.filter(kept.contains).map { rows[$0] }
    }
}
