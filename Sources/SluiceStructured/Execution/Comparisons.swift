import SluiceCore

/// `= != < <= > >=` between columns of comparable types; the result is null where either side is.
enum Comparisons {
    static func compare(_ op: BinaryOperator, _ lhs: ColumnVector, _ rhs: ColumnVector, expression: Expression) throws(AnalysisError) -> ColumnVector {
        switch (lhs, rhs) {
        case (.int64(let left), .int64(let right)), (.timestamp(let left), .timestamp(let right)):
            return .bool(zipCompare(op, left, right))
        case (.bool(let left), .bool(let right)):
            return .bool(zipCompare(op, left.asIntegers, right.asIntegers))
        case (.string(let left), .string(let right)):
            return .bool(strings(op, left, right))
        default:
            guard let left = Numbers.doubles(lhs), let right = Numbers.doubles(rhs) else {
                throw .typeMismatch(expression, "cannot compare \(lhs.dataType) with \(rhs.dataType)")
            }
            return .bool(zipCompare(op, left, right))
        }
    }

    static func holds<T: Comparable>(_ op: BinaryOperator, _ lhs: T, _ rhs: T) -> Bool {
        op.comparison.holds(lhs, rhs)
    }

    private static func zipCompare<T: Comparable>(_ op: BinaryOperator, _ lhs: PrimitiveColumn<T>, _ rhs: PrimitiveColumn<T>) -> PrimitiveColumn<Bool> {
        var result = ContiguousArray<Bool>()
        result.reserveCapacity(lhs.count)
        lhs.values.withSpan { left in
            rhs.values.withSpan { right in
                for row in left.indices { result.append(holds(op, left[row], right[row])) }
            }
        }
        return PrimitiveColumn(ColumnBuffer(result), validity: ExpressionEvaluator.bothValid(lhs.validity, rhs.validity, count: lhs.count))
    }

    /// A string column against another: when one side has a single dictionary entry (a literal), each
    /// entry of the other side's dictionary is compared once and rows look their answer up by code.
    private static func strings(_ op: BinaryOperator, _ lhs: StringColumn, _ rhs: StringColumn) -> PrimitiveColumn<Bool> {
        let validity = ExpressionEvaluator.bothValid(lhs.validity, rhs.validity, count: lhs.count)
        if rhs.dictionary.count == 1 || lhs.dictionary.count == 1 {
            let literalOnRight = rhs.dictionary.count == 1
            let column = literalOnRight ? lhs : rhs
            let literal = (literalOnRight ? rhs : lhs).dictionary.string(at: 0)
            let answers = column.dictionary.strings.map { entry in
                literalOnRight ? holds(op, entry, literal) : holds(op, literal, entry)
            }
            return PrimitiveColumn(ColumnBuffer(column.codes.map { answers[Int($0)] }), validity: validity)
        }
        let values = (0 ..< lhs.count).map { holds(op, lhs.string(at: $0), rhs.string(at: $0)) }
        return PrimitiveColumn(ColumnBuffer(values), validity: validity)
    }
}

extension PrimitiveColumn where Element == Bool {
    /// The booleans as 0 and 1, for ordering (`false < true`).
    var asIntegers: PrimitiveColumn<Int64> {
        PrimitiveColumn<Int64>(ColumnBuffer(values.map { $0 ? 1 : 0 }), validity: validity)
    }
}
