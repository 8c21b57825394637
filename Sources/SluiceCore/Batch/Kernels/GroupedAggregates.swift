/// Per-group reductions: each row adds its value to the accumulator of its group number.
///
/// The accumulators are plain arrays indexed by group number (from `Int64GroupIndex`, a string
/// dictionary's codes, or a boolean), grown as new groups appear. Null values are skipped.
public enum GroupedAggregates {
    /// Adds each non-null row's value to `sums[groups[row]]`.
    public static func sum(_ values: PrimitiveColumn<Double>, groups: ContiguousArray<Int32>, into sums: inout ContiguousArray<Double>) {
        accumulate(values, groups: groups, into: &sums, initial: 0) { $0 += $1 }
    }

    /// Adds each non-null row's value to `sums[groups[row]]` (wrapping on overflow).
    public static func sum(_ values: PrimitiveColumn<Int64>, groups: ContiguousArray<Int32>, into sums: inout ContiguousArray<Int64>) {
        accumulate(values, groups: groups, into: &sums, initial: 0) { $0 &+= $1 }
    }

    /// Adds one to `counts[groups[row]]` for every row.
    public static func count(groups: ContiguousArray<Int32>, into counts: inout ContiguousArray<Int64>) {
        growIfNeeded(&counts, toCover: groups, with: 0)
        for row in groups.indices { counts[Int(groups[row])] &+= 1 }
    }

    @inline(__always)
    private static func accumulate<Value, Accumulator>(
        _ values: PrimitiveColumn<Value>, groups: ContiguousArray<Int32>,
        into accumulators: inout ContiguousArray<Accumulator>, initial: Accumulator,
        _ add: (inout Accumulator, Value) -> Void
    ) {
        precondition(groups.count == values.count, "GroupedAggregates: \(groups.count) group numbers for \(values.count) rows")
        growIfNeeded(&accumulators, toCover: groups, with: initial)
        // Through a span taken once: an update of the array captured by the closure below would check the
        // array's uniqueness (a runtime call) at every row of the nullable loop.
        var sums = accumulators.mutableSpan
        values.values.withSpan { span in
            if let validity = values.validity {
                for row in span.indices where validity.isValid(row) { add(&sums[Int(groups[row])], span[row]) }
            } else {
                for row in span.indices { add(&sums[Int(groups[row])], span[row]) }
            }
        }
    }

    private static func growIfNeeded<T>(_ accumulators: inout ContiguousArray<T>, toCover groups: ContiguousArray<Int32>, with initial: T) {
        var highest: Int32 = -1
        for group in groups where group > highest { highest = group }
        if Int(highest) >= accumulators.count {
            accumulators.append(contentsOf: repeatElement(initial, count: Int(highest) + 1 - accumulators.count))
        }
    }
}
