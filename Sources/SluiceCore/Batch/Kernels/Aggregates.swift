/// Whole-column reductions: sum, min, max and count, skipping nulls, optionally over a selection.
///
/// Integer sums wrap on overflow (as Spark's non-ANSI `sum` of longs does) so that the loop vectorizes;
/// `Double` sums use `UnsafeVectorKernels` (eight lanes, two accumulators), which changes the order of
/// additions and so may differ from a left-to-right sum in the last bits.
extension PrimitiveColumn where Element == Int64 {
    /// The sum of the non-null values (among `selection`, or all).
    public func sum(among selection: SelectionVector? = nil) -> Int64 {
        if let rows = rowsToVisit(selection) {
            return values.withSpan { values in
                rows.withSpan { rows in
                    var total: Int64 = 0
                    for index in rows.indices { total &+= values[Int(rows[index])] }
                    return total
                }
            }
        }
        return values.withSpan { values in
            var total: Int64 = 0
            for index in values.indices { total &+= values[index] }
            return total
        }
    }
}

extension PrimitiveColumn where Element == Double {
    /// The sum of the non-null values (among `selection`, or all).
    public func sum(among selection: SelectionVector? = nil) -> Double {
        if let rows = rowsToVisit(selection) {
            return values.withSpan { values in
                rows.withSpan { rows in
                    var total = 0.0
                    for index in rows.indices { total += values[Int(rows[index])] }
                    return total
                }
            }
        }
        return values.withSpan { UnsafeVectorKernels.sum($0) }
    }
}

extension PrimitiveColumn where Element: Comparable {
    /// The smallest non-null value (among `selection`, or all); nil when there is none.
    public func min(among selection: SelectionVector? = nil) -> Element? {
        reduce(among: selection) { Swift.min($0, $1) }
    }

    /// The largest non-null value (among `selection`, or all); nil when there is none.
    public func max(among selection: SelectionVector? = nil) -> Element? {
        reduce(among: selection) { Swift.max($0, $1) }
    }

    @inline(__always)
    private func reduce(among selection: SelectionVector?, _ combine: (Element, Element) -> Element) -> Element? {
        if let rows = rowsToVisit(selection) {
            return values.withSpan { values in
                rows.withSpan { rows in
                    guard !rows.isEmpty else { return nil }
                    var result = values[Int(rows[0])]
                    for index in rows.indices { result = combine(result, values[Int(rows[index])]) }
                    return result
                }
            }
        }
        return values.withSpan { values in
            guard !values.isEmpty else { return nil }
            var result = values[0]
            for index in values.indices { result = combine(result, values[index]) }
            return result
        }
    }
}

extension PrimitiveColumn {
    /// The number of non-null values (among `selection`, or all).
    public func nonNullCount(among selection: SelectionVector? = nil) -> Int {
        rowsToVisit(selection)?.count ?? count
    }

    /// The rows a reduction must visit: nil means "every row, none null" (the fast, vectorized path).
    func rowsToVisit(_ selection: SelectionVector?) -> SelectionVector? {
        guard let validity else { return selection }
        let candidates = selection ?? SelectionVector.all(count)
        return SelectionVector(candidates.filter { validity.isValid(Int($0)) })
    }
}
