import SluiceCore

/// Evaluates analyzed scalar expressions over a whole batch at once, column by column.
///
/// Each operator runs one loop over contiguous values; nulls travel in validity bitmaps (a result is
/// null where an input is), except for SQL's three-valued AND and OR.
enum ExpressionEvaluator {
    static func evaluate(_ expression: Expression, on batch: RecordBatch) throws(AnalysisError) -> ColumnVector {
        switch expression {
        case .column(let name):
            guard let column = batch.column(named: name) else { throw .unknownColumn(name, in: batch.schema) }
            return column
        case .literal(let value):
            return constant(value, count: batch.rowCount)
        case .alias(let operand, _):
            return try evaluate(operand, on: batch)
        case .binary(let op, let lhs, let rhs):
            let left = try evaluate(lhs, on: batch)
            let right = try evaluate(rhs, on: batch)
            if op == .and || op == .or { return BooleanLogic.combine(op, left, right) }
            if op.isComparison { return try Comparisons.compare(op, left, right, expression: expression) }
            return try Arithmetic.apply(op, left, right, expression: expression)
        case .not(let operand):
            return BooleanLogic.not(try evaluate(operand, on: batch))
        case .isNull(let operand):
            let inner = try evaluate(operand, on: batch)
            return .bool(PrimitiveColumn((0 ..< inner.count).map { inner.isNull($0) }))
        case .cast(let operand, let type):
            return try Casts.cast(try evaluate(operand, on: batch), to: type, expression: expression)
        case .hour(let operand):
            guard case .timestamp(let times) = try evaluate(operand, on: batch) else {
                throw .typeMismatch(expression, "hour needs a timestamp")
            }
            let hours = times.values.map { $0.floorDivided(by: 3_600_000_000) - $0.floorDivided(by: 86_400_000_000) * 24 }
            return .int64(PrimitiveColumn(ColumnBuffer(hours), validity: times.validity))
        case .toTimestamp(let operand):
            return try Casts.cast(try evaluate(operand, on: batch), to: .timestamp, expression: expression)
        case .aggregate, .window, .sessionWindow, .explodeSplit:
            throw .typeMismatch(expression, "it can only be used in groupBy, agg or select of a single explode")
        }
    }

    /// A column holding `value` in each of `count` rows; a null is of `type`.
    static func constant(_ value: Value, count: Int, type: DataType = .int64) -> ColumnVector {
        switch value {
        case .null:
            var builder = RecordBatchBuilder(schema: Schema([Field("null", type, nullable: true)]), capacity: count)
            for _ in 0 ..< count { try? builder.append(row: [.null]) }
            return builder.finish().columns[0]
        case .int64(let x): return .int64(PrimitiveColumn(repeatElement(x, count: count)))
        case .double(let x): return .double(PrimitiveColumn(repeatElement(x, count: count)))
        case .bool(let x): return .bool(PrimitiveColumn(repeatElement(x, count: count)))
        case .timestamp(let x): return .timestamp(PrimitiveColumn(repeatElement(x, count: count)))
        case .string(let x):
            return .string(StringColumn(codes: ColumnBuffer(repeatElement(Int32(0), count: count)), dictionary: StringDictionary([x])))
        }
    }

    /// The validity of rows valid in both inputs; nil when neither has nulls.
    static func bothValid(_ lhs: ValidityBitmap?, _ rhs: ValidityBitmap?, count: Int) -> ValidityBitmap? {
        switch (lhs, rhs) {
        case (nil, nil): nil
        case (let only?, nil), (nil, let only?): only
        case (let left?, let right?): ValidityBitmap((0 ..< count).map { left.isValid($0) && right.isValid($0) })
        }
    }
}
