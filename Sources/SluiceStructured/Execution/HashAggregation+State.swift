import SluiceCore

/// A streaming aggregation's groups as rows — key columns `k0, k1, …` then each aggregate's state
/// columns — so that a checkpoint can store them and a restart rebuild the groups without the input.
extension HashAggregation {
    /// The key values and aggregate states of `groups`, one row each, in that order.
    func stateRows(groups: [Int]) -> RecordBatch {
        var columns = table.keyColumns(groups: groups)
        var fields = columns.enumerated().map { Field("k\($0.offset)", $0.element.dataType, nullable: true) }
        for (position, accumulator) in accumulators.enumerated() {
            fields += accumulator.stateFields(position: position)
            columns += accumulator.stateColumns(groups: groups)
        }
        return Self.batch(fields: fields, columns: columns)
    }

    /// The key values of `groups`, one row each.
    func keyRows(groups: [Int]) -> RecordBatch { table.keyRows(groups: groups) }

    /// Puts back groups from rows made by `stateRows` (new keys become new groups, known keys take the
    /// stored state); returns their group numbers.
    mutating func restore(_ rows: RecordBatch) -> ContiguousArray<Int32> {
        let groups = groups(ofKeys: rows)
        var next = keys.count
        for (position, accumulator) in accumulators.enumerated() {
            let width = accumulator.stateFields(position: position).count
            accumulators[position].restoreState(rows.columns[next ..< next + width], groups: groups, groupCount: table.count)
            next += width
        }
        return groups
    }

    /// The group numbers of the keys in the first columns of `rows` (made by `keyRows` or `stateRows`).
    mutating func groups(ofKeys rows: RecordBatch) -> ContiguousArray<Int32> {
        table.groups(for: Array(rows.columns.prefix(keys.count)), rowCount: rows.rowCount)
    }

    private static func batch(fields: [Field], columns: [ColumnVector]) -> RecordBatch {
        (try? RecordBatch(schema: Schema(fields), columns: columns)) ?? .empty(Schema(fields))
    }
}
