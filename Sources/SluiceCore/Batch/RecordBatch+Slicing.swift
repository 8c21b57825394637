extension RecordBatch {
    /// Rows `range`, sharing every column's storage (no copy).
    public func slice(rows range: Range<Int>) -> RecordBatch {
        precondition(range.lowerBound >= 0 && range.upperBound <= rowCount,
                     "RecordBatch: slice \(range) out of 0..<\(rowCount)")
        return RecordBatch(validated: schema, columns: columns.map { $0.slice(range) }, rowCount: range.count)
    }

    /// Consecutive slices of at most `size` rows each, sharing storage; how a batch is cut into partitions.
    public func chunks(ofAtMost size: Int) -> [RecordBatch] {
        precondition(size > 0, "RecordBatch: chunk size must be positive, got \(size)")
        return stride(from: 0, to: rowCount, by: size).map { slice(rows: $0 ..< min($0 + size, rowCount)) }
    }

    /// The rows `selection` names, in its order: filtering by a selection vector.
    public func gather(_ selection: SelectionVector) -> RecordBatch {
        RecordBatch(validated: schema, columns: columns.map { $0.gather(selection) }, rowCount: selection.count)
    }

    /// The batch restricted to the fields called `names`, in that order; nil if a name is unknown.
    public func project(_ names: [String]) -> RecordBatch? {
        var fields: [Field] = []
        var projected: [ColumnVector] = []
        for name in names {
            guard let index = schema.index(of: name) else { return nil }
            fields.append(schema.fields[index])
            projected.append(columns[index])
        }
        return RecordBatch(validated: Schema(fields), columns: projected, rowCount: rowCount)
    }
}
