import SluiceCore

/// Gives each distinct combination of key values a dense group number, across batches, and remembers
/// each group's key values for the output.
///
/// Each key column first maps its values to dense numbers of its own (integers, timestamps, booleans
/// and doubles by value; strings by their bytes, interned once per dictionary entry, so equal strings
/// from different batches meet); with one key those are the group numbers, with more the combinations
/// are numbered pairwise by an `Int64GroupIndex` over the packed pair of numbers. Nulls form a group
/// of their own, as in SQL.
struct GroupKeyTable: Sendable {
    private var columnIndexes: [ColumnKeyIndex]
    /// Numbers the combination of the first `i + 2` keys, densely from 0 in order of first appearance.
    private var pairIndexes: [Int64GroupIndex]
    /// The key values of each group, by group number (nil only while a batch is being numbered).
    private var keyValues: [[Value]?] = []

    init(keyCount: Int) {
        columnIndexes = Array(repeating: ColumnKeyIndex(), count: keyCount)
        pairIndexes = Array(repeating: Int64GroupIndex(), count: max(0, keyCount - 1))
    }

    var count: Int { keyValues.count }

    /// The number of key columns.
    var keyCount: Int { columnIndexes.count }

    /// The key values of group `group`.
    func key(of group: Int) -> [Value] { keyValues[group] ?? [] }

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
        for row in 0 ..< rowCount {
            let group = Int(combined[row])
            if group >= keyValues.count { keyValues.append(contentsOf: repeatElement(nil, count: group + 1 - keyValues.count)) }
            if keyValues[group] == nil { keyValues[group] = columns.map { $0.value(at: row) } }
        }
        return combined
    }

    /// For each new group among `groups` (numbers at or above `firstNew`), the first row that has it.
    static func firstRowsOfNewGroups(_ groups: ContiguousArray<Int32>, firstNew: Int) -> [Int32] {
        var isSeen = [Bool](repeating: false, count: Swift.max(0, (groups.max().map(Int.init) ?? -1) + 1 - firstNew))
        var rows: [Int32] = []
        for (row, group) in groups.enumerated() where Int(group) >= firstNew && !isSeen[Int(group) - firstNew] {
            isSeen[Int(group) - firstNew] = true
            rows.append(Int32(row))
        }
        return rows
    }

    /// A table holding only `groups`' keys, renumbered 0, 1, … in that order: how evicted keys' memory
    /// is given back.
    func retaining(_ groups: [Int]) -> GroupKeyTable {
        var table = GroupKeyTable(keyCount: columnIndexes.count)
        let keyRows = groups.map { key(of: $0) }
        let columns = (0 ..< columnIndexes.count).map { position in Self.column(of: keyRows.map { $0[position] }) }
        _ = table.groups(for: columns, rowCount: groups.count)
        return table
    }

    /// A column holding `values` (all of one type, or null), for re-adding keys; `type` when all are null.
    static func column(of values: [Value], type fallback: DataType = .int64) -> ColumnVector {
        let type = values.lazy.compactMap(\.dataType).first ?? fallback
        var builder = RecordBatchBuilder(schema: Schema([Field("key", type, nullable: true)]), capacity: values.count)
        for value in values { try? builder.append(row: [value]) }
        return builder.finish().columns[0]
    }

    /// Without keys (a global aggregate) every row is in group 0.
    private mutating func registerGlobalGroup(rows: Int) -> ContiguousArray<Int32> {
        if keyValues.isEmpty { keyValues.append([]) }
        return ContiguousArray(repeating: 0, count: rows)
    }
}

/// Dense numbers for the values of one key column, across batches: 0, 1, 2, … in order of first
/// appearance, null included (it gets the next number the first time it appears).
///
/// Integers, timestamps and doubles go through an `Int64GroupIndex`; booleans need no hashing; strings
/// are interned once per dictionary entry per batch, then each row costs an array read.
struct ColumnKeyIndex: Sendable {
    private var index = Int64GroupIndex()
    private var strings = StringDictionaryBuilder()
    /// The dense number of each value's number in `index` (or in `strings`, or of `false`/`true`).
    private var denseOfValue = ContiguousArray<Int32>()
    private var nullNumber: Int32?
    private(set) var count: Int32 = 0

    /// The number of each row's value; new values get the next numbers, in the order of the rows that
    /// first hold them (values present only in null rows, or in dictionary entries no row uses, get none).
    mutating func numbers(for column: ColumnVector) -> ContiguousArray<Int32> {
        var numbers = ContiguousArray<Int32>(repeating: 0, count: column.count)
        let validity = column.validity
        switch column {
        case .int64(let values), .timestamp(let values):
            index.assignGroups(values.values, into: &numbers)
        case .double(let values):
            index.assignGroups(ColumnBuffer(values.values.map { Int64(bitPattern: ($0 == 0 ? 0 : $0).bitPattern) }), into: &numbers)
        case .bool(let values):
            values.values.withSpan { flags in
                for row in flags.indices { numbers[row] = flags[row] ? 1 : 0 }
            }
        case .string(let values):
            let dictionary = values.dictionary
            var interned = [Int32](repeating: -1, count: dictionary.count)
            values.codes.withSpan { codes in
                for row in codes.indices {
                    let code = Int(codes[row])
                    if interned[code] < 0, validity?.isValid(row) ?? true {
                        interned[code] = dictionary.withUTF8(at: Int32(code)) { strings.intern($0) }
                    }
                    numbers[row] = interned[code]
                }
            }
        }
        let valueCount = Swift.max(index.count, strings.count, 2)
        if denseOfValue.count < valueCount { denseOfValue.append(contentsOf: repeatElement(-1, count: valueCount - denseOfValue.count)) }
        var lookup = ContiguousArray<Int32>()
        swap(&lookup, &denseOfValue)
        var next = count
        for row in numbers.indices where validity?.isValid(row) ?? true {
            let value = Int(numbers[row])
            var number = lookup[value]
            if number < 0 {
                number = next
                lookup[value] = number
                next += 1
            }
            numbers[row] = number
        }
        swap(&lookup, &denseOfValue)
        count = next
        if let validity {
            for row in 0 ..< column.count where !validity.isValid(row) { numbers[row] = nullDense() }
        }
        return numbers
    }

    private mutating func nullDense() -> Int32 {
        if let nullNumber { return nullNumber }
        nullNumber = count
        count += 1
        return count - 1
    }
}
