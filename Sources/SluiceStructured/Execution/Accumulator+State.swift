import SluiceCore

/// An accumulator's running values as columns, so that a checkpoint can store them and a restart put
/// them back: only the arrays its function uses.
extension Accumulator {
    /// The fields of the state columns, named after the aggregate's position.
    func stateFields(position: Int) -> [Field] {
        switch function {
        case .count: [Field("a\(position).count", .int64)]
        case .sum where resultType == .int64: [Field("a\(position).count", .int64), Field("a\(position).sum", .int64)]
        case .sum, .avg: [Field("a\(position).count", .int64), Field("a\(position).sum", .double)]
        case .min, .max: [Field("a\(position).extreme", resultType, nullable: true)]
        }
    }

    /// The state of `groups`, one row per group in that order.
    func stateColumns(groups: [Int]) -> [ColumnVector] {
        let counts = ColumnVector.int64(PrimitiveColumn(groups.map { self.counts[$0] }))
        switch function {
        case .count: return [counts]
        case .sum where resultType == .int64: return [counts, .int64(PrimitiveColumn(groups.map { integerSums[$0] }))]
        case .sum, .avg: return [counts, .double(PrimitiveColumn(groups.map { doubleSums[$0] }))]
        case .min, .max: return [GroupKeyTable.column(of: groups.map { extremes[$0] }, type: resultType)]
        }
    }

    /// Sets the state of the groups `groups` names (one per row) from columns made by `stateColumns`.
    mutating func restoreState(_ columns: ArraySlice<ColumnVector>, groups: ContiguousArray<Int32>, groupCount: Int) {
        grow(to: groupCount)
        var columns = columns.makeIterator()
        switch function {
        case .min, .max:
            guard let values = columns.next() else { return }
            for (row, group) in groups.enumerated() { extremes[Int(group)] = values.value(at: row) }
        default:
            guard case .int64(let restoredCounts) = columns.next() else { return }
            for (row, group) in groups.enumerated() { counts[Int(group)] = restoredCounts.values[row] }
            switch columns.next() {
            case .int64(let sums): for (row, group) in groups.enumerated() { integerSums[Int(group)] = sums.values[row] }
            case .double(let sums): for (row, group) in groups.enumerated() { doubleSums[Int(group)] = sums.values[row] }
            default: break
            }
        }
    }
}
