import SluiceCore

/// Gives each distinct combination of key values a dense group number, across batches, and remembers
/// each group's key values for the output.
///
/// Each key column first maps its values to dense numbers of its own (integers, timestamps, booleans
/// and doubles by value; strings by their bytes, interned once per dictionary entry, so equal strings
/// from different batches meet); combinations are then numbered pairwise by an `Int64GroupIndex` over
/// the packed pair of numbers. Nulls form a group of their own, as in SQL.
struct GroupKeyTable: Sendable {
    private var columnIndexes: [ColumnKeyIndex]
    private var pairIndexes: [Int64GroupIndex]
    /// Numbers the combinations, whatever the key count, densely from 0 in order of first appearance.
    private var groupIndex = Int64GroupIndex()
    /// The key values of each group, by group number.
    private(set) var keys: [[Value]] = []

    init(keyCount: Int) {
        columnIndexes = Array(repeating: ColumnKeyIndex(), count: keyCount)
        pairIndexes = Array(repeating: Int64GroupIndex(), count: max(0, keyCount - 1))
    }

    var count: Int { keys.count }

    /// The group number of each of `rowCount` rows, given the key columns (none for a global aggregate).
    mutating func groups(for columns: [ColumnVector], rowCount: Int) -> ContiguousArray<Int32> {
        guard !columns.isEmpty else { return registerGlobalGroup(rows: rowCount) }
        var combined = columnIndexes[0].numbers(for: columns[0])
        for position in 1 ..< columns.count {
            let numbers = columnIndexes[position].numbers(for: columns[position])
            for row in 0 ..< rowCount {
                combined[row] = pairIndexes[position - 1].group(of: Int64(combined[row]) << 32 | Int64(numbers[row]))
            }
        }
        var groups = ContiguousArray<Int32>()
        groupIndex.assignGroups(ColumnBuffer(combined.map(Int64.init)), into: &groups)
        for row in 0 ..< rowCount where Int(groups[row]) >= keys.count {
            keys.append(columns.map { $0.value(at: row) })
        }
        return groups
    }

    /// A column holding `values` (all of one type, or null), for re-adding keys.
    static func column(of values: [Value]) -> ColumnVector {
        let type = values.lazy.compactMap(\.dataType).first ?? .int64
        var builder = RecordBatchBuilder(schema: Schema([Field("key", type, nullable: true)]), capacity: values.count)
        for value in values { try? builder.append(row: [value]) }
        return builder.finish().columns[0]
    }

    /// Without keys (a global aggregate) every row is in group 0.
    private mutating func registerGlobalGroup(rows: Int) -> ContiguousArray<Int32> {
        if keys.isEmpty { keys.append([]) }
        return ContiguousArray(repeating: 0, count: rows)
    }
}

/// Dense numbers for the values of one key column, across batches.
struct ColumnKeyIndex: Sendable {
    private var index = Int64GroupIndex()
    private var strings = StringDictionaryBuilder()

    /// The number of each row's value: 0 for null, and 1, 2, … for values in order of first appearance.
    mutating func numbers(for column: ColumnVector) -> ContiguousArray<Int32> {
        var numbers = ContiguousArray<Int32>(repeating: 0, count: column.count)
        switch column {
        case .int64(let values), .timestamp(let values):
            index.assignGroups(values.values, into: &numbers)
        case .double(let values):
            index.assignGroups(ColumnBuffer(values.values.map { Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }), into: &numbers)
        case .bool(let values):
            index.assignGroups(ColumnBuffer(values.values.map { $0 ? 1 : 0 }), into: &numbers)
        case .string(let values):
            let dictionary = values.dictionary
            let interned = ColumnBuffer((0 ..< dictionary.count).map { code in
                Int64(dictionary.withUTF8(at: Int32(code)) { strings.intern($0) })
            })
            index.assignGroups(ColumnBuffer(values.codes.map { interned[Int($0)] }), into: &numbers)
        }
        for row in numbers.indices { numbers[row] &+= 1 }
        if let validity = column.validity {
            for row in 0 ..< column.count where !validity.isValid(row) { numbers[row] = 0 }
        }
        return numbers
    }
}
