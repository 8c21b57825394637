import SluiceCore

/// `+ - * / %` over numeric columns: integers stay integers (wrapping, as Spark's non-ANSI longs), a
/// double on either side makes both doubles, `/` is always a double, and dividing by zero gives null.
enum Arithmetic {
    static func apply(_ op: BinaryOperator, _ lhs: ColumnVector, _ rhs: ColumnVector, expression: Expression) throws(AnalysisError) -> ColumnVector {
        if op != .divide, case .int64(let left) = lhs, case .int64(let right) = rhs {
            return .int64(integers(op, left, right))
        }
        guard let left = Numbers.doubles(lhs), let right = Numbers.doubles(rhs) else {
            throw .typeMismatch(expression, "\(op.rawValue) needs numbers, got \(lhs.dataType) and \(rhs.dataType)")
        }
        return .double(doubles(op, left, right))
    }

    private static func integers(_ op: BinaryOperator, _ lhs: PrimitiveColumn<Int64>, _ rhs: PrimitiveColumn<Int64>) -> PrimitiveColumn<Int64> {
        var validity = ExpressionEvaluator.bothValid(lhs.validity, rhs.validity, count: lhs.count)
        let values: ContiguousArray<Int64>
        switch op {
        case .add: values = zipValues(lhs, rhs) { $0 &+ $1 }
        case .subtract: values = zipValues(lhs, rhs) { $0 &- $1 }
        case .multiply: values = zipValues(lhs, rhs) { $0 &* $1 }
        default:
            values = zipValues(lhs, rhs) { $1 == 0 ? 0 : $0.remainderReportingOverflow(dividingBy: $1).partialValue }
            validity = zeroDivisorsNull(validity, rhs.values.map { $0 == 0 }, count: lhs.count)
        }
        return PrimitiveColumn(ColumnBuffer(values), validity: validity)
    }

    private static func doubles(_ op: BinaryOperator, _ lhs: PrimitiveColumn<Double>, _ rhs: PrimitiveColumn<Double>) -> PrimitiveColumn<Double> {
        var validity = ExpressionEvaluator.bothValid(lhs.validity, rhs.validity, count: lhs.count)
        let values: ContiguousArray<Double>
        switch op {
        case .add: values = zipValues(lhs, rhs, +)
        case .subtract: values = zipValues(lhs, rhs, -)
        case .multiply: values = zipValues(lhs, rhs, *)
        case .divide:
            values = zipValues(lhs, rhs) { $1 == 0 ? 0 : $0 / $1 }
            validity = zeroDivisorsNull(validity, rhs.values.map { $0 == 0 }, count: lhs.count)
        default:
            values = zipValues(lhs, rhs) { $1 == 0 ? 0 : $0.truncatingRemainder(dividingBy: $1) }
            validity = zeroDivisorsNull(validity, rhs.values.map { $0 == 0 }, count: lhs.count)
        }
        return PrimitiveColumn(ColumnBuffer(values), validity: validity)
    }

    @inline(__always)
    private static func zipValues<T>(_ lhs: PrimitiveColumn<T>, _ rhs: PrimitiveColumn<T>, _ combine: (T, T) -> T) -> ContiguousArray<T> {
        var result = ContiguousArray<T>()
        result.reserveCapacity(lhs.count)
        lhs.values.withSpan { left in
            rhs.values.withSpan { right in
                for row in left.indices { result.append(combine(left[row], right[row])) }
            }
        }
        return result
    }

    private static func zeroDivisorsNull(_ validity: ValidityBitmap?, _ isZero: [Bool], count: Int) -> ValidityBitmap? {
        guard isZero.contains(true) else { return validity }
        return ValidityBitmap((0 ..< count).map { !isZero[$0] && (validity?.isValid($0) ?? true) })
    }
}

/// Numeric columns seen as doubles, for mixed arithmetic and comparison.
enum Numbers {
    static func doubles(_ column: ColumnVector) -> PrimitiveColumn<Double>? {
        switch column {
        case .double(let values): values
        case .int64(let values): PrimitiveColumn(ColumnBuffer(values.values.map(Double.init)), validity: values.validity)
        default: nil
        }
    }
}
