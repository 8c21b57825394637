import SluiceCore

/// The running value of one aggregate for every group, in arrays indexed by group number.
struct Accumulator: Sendable {
    let function: AggregateFunction
    let resultType: DataType
    var counts = ContiguousArray<Int64>()
    var integerSums = ContiguousArray<Int64>()
    var doubleSums = ContiguousArray<Double>()
    var extremes: [Value] = []

    init(_ function: AggregateFunction, resultType: DataType) {
        self.function = function
        self.resultType = resultType
    }

    /// Adds the rows of `values` (nil for `count(*)`) to the groups `groups` names.
    mutating func add(_ values: ColumnVector?, groups: ContiguousArray<Int32>, groupCount: Int) {
        grow(to: groupCount)
        guard let values else {
            for group in groups { counts[Int(group)] += 1 }
            return
        }
        let validity = values.validity
        switch (function, values) {
        case (.count, _):
            for row in groups.indices where validity?.isValid(row) ?? true { counts[Int(groups[row])] += 1 }
        case (.sum, .int64(let column)):
            for row in groups.indices where validity?.isValid(row) ?? true {
                integerSums[Int(groups[row])] &+= column.values[row]
                counts[Int(groups[row])] += 1
            }
        case (.sum, _), (.avg, _):
            guard let column = Numbers.doubles(values) else { return }
            for row in groups.indices where validity?.isValid(row) ?? true {
                doubleSums[Int(groups[row])] += column.values[row]
                counts[Int(groups[row])] += 1
            }
        case (.min, _), (.max, _):
            for row in groups.indices where validity?.isValid(row) ?? true {
                let group = Int(groups[row])
                let value = values.value(at: row)
                if extremes[group].isNull || (function == .min ? value < extremes[group] : extremes[group] < value) {
                    extremes[group] = value
                }
            }
        }
    }

    /// The aggregate of `group` so far.
    func result(of group: Int) -> Value {
        switch function {
        case .count: return .int64(counts[group])
        case .sum:
            guard counts[group] > 0 else { return .null }
            return resultType == .int64 ? .int64(integerSums[group]) : .double(doubleSums[group])
        case .avg:
            return counts[group] > 0 ? .double(doubleSums[group] / Double(counts[group])) : .null
        case .min, .max:
            return extremes[group]
        }
    }

    /// The accumulator for `groups` only, renumbered in that order.
    func retaining(_ groups: [Int]) -> Accumulator {
        var copy = Accumulator(function, resultType: resultType)
        copy.counts = ContiguousArray(groups.map { counts[$0] })
        copy.integerSums = ContiguousArray(groups.map { integerSums[$0] })
        copy.doubleSums = ContiguousArray(groups.map { doubleSums[$0] })
        copy.extremes = groups.map { extremes[$0] }
        return copy
    }

    mutating func grow(to groupCount: Int) {
        let missing = groupCount - counts.count
        guard missing > 0 else { return }
        counts.append(contentsOf: repeatElement(0, count: missing))
        integerSums.append(contentsOf: repeatElement(0, count: missing))
        doubleSums.append(contentsOf: repeatElement(0, count: missing))
        extremes.append(contentsOf: repeatElement(.null, count: missing))
    }
}

extension Value: Comparable {
    /// Orders values of the same type (nulls first); values of different types order by type name.
    public static func < (lhs: Value, rhs: Value) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): false
        case (.null, _): true
        case (_, .null): false
        case (.int64(let a), .int64(let b)), (.timestamp(let a), .timestamp(let b)): a < b
        case (.double(let a), .double(let b)): a < b
        case (.int64(let a), .double(let b)): Double(a) < b
        case (.double(let a), .int64(let b)): a < Double(b)
        case (.bool(let a), .bool(let b)): !a && b
        case (.string(let a), .string(let b)): a < b
        default: (lhs.dataType?.rawValue ?? "") < (rhs.dataType?.rawValue ?? "")
        }
    }
}
