/// A result table as the checkers compare it: each row's value columns by its key, every value
/// normalized by its column's kind, so the sink's rows and the reference answer meet in one form.
public struct SinkTable: Sendable, Equatable {
    public let layout: SinkLayout
    /// The value columns of each row, by key.
    public private(set) var rows: [RowKey: [String: JSONScalar]] = [:]

    /// An empty table of `layout`.
    public init(layout: SinkLayout) {
        self.layout = layout
    }

    /// Sets the row at `key` to `values` (value column → value), normalizing them.
    public mutating func set(_ key: RowKey, _ values: [String: JSONScalar]) {
        var normalized: [String: JSONScalar] = [:]
        for column in layout.valueColumns {
            if let value = values[column.name] { normalized[column.name] = column.kind.normalized(value) }
        }
        rows[key] = normalized
    }

    /// The key of `values` (key column → value), normalized.
    public func key(_ values: [JSONScalar]) -> RowKey {
        RowKey(columns: layout.keyColumns.map(\.name), values: zip(layout.keyColumns, values).map { $0.kind.normalized($1) })
    }

    /// Upserts one row as the sink stored it (column → value); columns outside the layout are ignored.
    public mutating func upsert(_ row: [String: JSONScalar]) throws(SinkRowProblem) {
        var keyValues: [JSONScalar] = []
        for column in layout.keyColumns {
            guard let value = row[column.name] else { throw SinkRowProblem(row: row, missingColumn: column.name) }
            keyValues.append(value)
        }
        set(key(keyValues), row)
    }

    /// Applies one batch's rows as the layout's output mode does: upserted by key, or replacing the table.
    public mutating func apply(batchRows: [[String: JSONScalar]]) throws(SinkRowProblem) {
        if layout.outputMode == .complete { rows.removeAll() }
        for row in batchRows { try upsert(row) }
    }

    /// The value a row prints as: its one value column's value, or `{column=value, …}`.
    func printed(_ values: [String: JSONScalar]) -> String {
        let columns = layout.valueColumns.map(\.name)
        if columns.count == 1 { return values[columns[0]].map(RowKey.plain) ?? "null" }
        return "{" + columns.map { "\($0)=\(values[$0].map(RowKey.plain) ?? "null")" }.joined(separator: ", ") + "}"
    }
}

/// A sink row lacks one of the query's key columns, so it cannot be placed in the table.
public struct SinkRowProblem: Error, Equatable, CustomStringConvertible {
    public let row: [String: JSONScalar]
    public let missingColumn: String

    public var description: String {
        let columns = row.keys.sorted().joined(separator: ", ")
        return "a sink row has no key column '\(missingColumn)' (its columns: \(columns.isEmpty ? "none" : columns))"
    }
}
