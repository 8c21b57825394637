/// A comparison of each row with a scalar, as filters use it.
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="

    /// Whether `lhs` compares to `rhs` as this operator says.
    @inlinable public func holds<T: Comparable>(_ lhs: T, _ rhs: T) -> Bool {
        switch self {
        case .equal: lhs == rhs
        case .notEqual: lhs != rhs
        case .less: lhs < rhs
        case .lessOrEqual: lhs <= rhs
        case .greater: lhs > rhs
        case .greaterOrEqual: lhs >= rhs
        }
    }
}

extension PrimitiveColumn where Element == Int64 {
    /// The rows (among `candidates`, or all) whose value compares true with `scalar`; nulls never match.
    public func select(_ comparison: ComparisonOperator, _ scalar: Int64, among candidates: SelectionVector? = nil) -> SelectionVector {
        selectComparing(comparison, scalar, among: candidates)
    }
}

extension PrimitiveColumn where Element == Double {
    /// The rows (among `candidates`, or all) whose value compares true with `scalar`; nulls never match.
    public func select(_ comparison: ComparisonOperator, _ scalar: Double, among candidates: SelectionVector? = nil) -> SelectionVector {
        selectComparing(comparison, scalar, among: candidates)
    }
}

extension PrimitiveColumn where Element: Comparable {
    /// One specialized loop per operator: inlined into each concrete `select`, so the compare is a plain
    /// instruction, not a call through the operator.
    @inline(__always)
    func selectComparing(_ comparison: ComparisonOperator, _ scalar: Element, among candidates: SelectionVector?) -> SelectionVector {
        switch comparison {
        case .equal: SelectionKernel.select(self, among: candidates) { $0 == scalar }
        case .notEqual: SelectionKernel.select(self, among: candidates) { $0 != scalar }
        case .less: SelectionKernel.select(self, among: candidates) { $0 < scalar }
        case .lessOrEqual: SelectionKernel.select(self, among: candidates) { $0 <= scalar }
        case .greater: SelectionKernel.select(self, among: candidates) { $0 > scalar }
        case .greaterOrEqual: SelectionKernel.select(self, among: candidates) { $0 >= scalar }
        }
    }
}

extension PrimitiveColumn where Element == Bool {
    /// The rows (among `candidates`, or all) that hold `true`; nulls never match.
    public func selectTrue(among candidates: SelectionVector? = nil) -> SelectionVector {
        SelectionKernel.select(self, among: candidates) { $0 }
    }
}

extension StringColumn {
    /// The rows (among `candidates`, or all) equal (or not) to `scalar`; compares codes, not strings.
    public func select(_ comparison: ComparisonOperator, _ scalar: String, among candidates: SelectionVector? = nil) -> SelectionVector {
        precondition(comparison == .equal || comparison == .notEqual,
                     "StringColumn.select supports == and != only, got \(comparison.rawValue)")
        let codeColumn = PrimitiveColumn(codes, validity: validity)
        guard let code = dictionary.code(of: scalar) else {
            return comparison == .equal
                ? SelectionVector([])
                : SelectionKernel.select(codeColumn, among: candidates) { _ in true }
        }
        return comparison == .equal
            ? SelectionKernel.select(codeColumn, among: candidates) { $0 == code }
            : SelectionKernel.select(codeColumn, among: candidates) { $0 != code }
    }
}

/// The loop every comparison shares; inlined into each caller so the predicate is a plain compare.
///
/// Branch-free: every candidate row is stored, and the count of kept rows advances by a select
/// (`keep ? kept + 1 : kept`). Written as `kept &+= keep ? 1 : 0`, the same step compiles to a
/// conditional jump, which mispredicts on about half the rows of an unsorted column. The rows are
/// stored through a `MutableSpan`, because a store through the array captured by the closure checks
/// the array's uniqueness (a runtime call) at every row. Both measured with Swift 6.3.1 on x86-64 by
/// Benchmarks' filter/price-above-50.
enum SelectionKernel {
    @inline(__always)
    static func select<Element>(_ column: PrimitiveColumn<Element>, among candidates: SelectionVector?,
                                where predicate: (Element) -> Bool) -> SelectionVector {
        var selected = ContiguousArray<Int32>(repeating: 0, count: candidates?.count ?? column.count)
        var kept = 0
        var output = selected.mutableSpan  // checks uniqueness once, not at every store
        column.values.withSpan { values in
            if let candidates {
                candidates.withSpan { rows in
                    for index in rows.indices {
                        let row = rows[index]
                        output[kept] = row
                        kept = predicate(values[Int(row)]) ? kept &+ 1 : kept
                    }
                }
            } else {
                for row in values.indices {
                    output[kept] = Int32(truncatingIfNeeded: row)
                    kept = predicate(values[row]) ? kept &+ 1 : kept
                }
            }
        }
        _ = consume output
        if let validity = column.validity {
            var valid = 0
            for index in 0 ..< kept where validity.isValid(Int(selected[index])) {
                selected[valid] = selected[index]
                valid += 1
            }
            kept = valid
        }
        selected.removeLast(selected.count - kept)
        return SelectionVector(ColumnBuffer(selected))
    }
}
