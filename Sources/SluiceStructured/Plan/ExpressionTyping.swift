import SluiceCore

/// The type rules of expressions: Spark's, restricted to Sluice's types.
enum ExpressionTyping {
    struct Typed {
        let type: DataType
        let isNullable: Bool
    }

    static func type(of expression: Expression, in schema: Schema) throws(AnalysisError) -> Typed {
        switch expression {
        case .column(let name):
            guard let index = schema.index(of: name) else { throw .unknownColumn(name, in: schema) }
            return Typed(type: schema.fields[index].type, isNullable: schema.fields[index].isNullable)
        case .literal(let value):
            return Typed(type: value.dataType ?? .int64, isNullable: value.isNull)
        case .binary(let op, let lhs, let rhs):
            let left = try type(of: lhs, in: schema)
            let right = try type(of: rhs, in: schema)
            let nullable = left.isNullable || right.isNullable
            if op == .and || op == .or {
                guard left.type == .bool, right.type == .bool else {
                    throw .typeMismatch(expression, "\(op.rawValue) needs booleans, got \(left.type) and \(right.type)")
                }
                return Typed(type: .bool, isNullable: nullable)
            }
            if op.isComparison {
                guard comparable(left.type, right.type) else {
                    throw .typeMismatch(expression, "cannot compare \(left.type) with \(right.type)")
                }
                return Typed(type: .bool, isNullable: nullable)
            }
            guard isNumeric(left.type), isNumeric(right.type) else {
                throw .typeMismatch(expression, "\(op.rawValue) needs numbers, got \(left.type) and \(right.type)")
            }
            let result: DataType = op == .divide || left.type == .double || right.type == .double ? .double : .int64
            return Typed(type: result, isNullable: nullable || op == .divide || op == .remainder)
        case .not(let operand):
            let inner = try type(of: operand, in: schema)
            guard inner.type == .bool else { throw .typeMismatch(expression, "NOT needs a boolean, got \(inner.type)") }
            return inner
        case .isNull(let operand):
            _ = try type(of: operand, in: schema)
            return Typed(type: .bool, isNullable: false)
        case .cast(let operand, let target):
            let inner = try type(of: operand, in: schema)
            return Typed(type: target, isNullable: inner.isNullable || inner.type == .string)
        case .hour(let operand):
            let inner = try type(of: operand, in: schema)
            guard inner.type == .timestamp else { throw .typeMismatch(expression, "hour needs a timestamp, got \(inner.type)") }
            return Typed(type: .int64, isNullable: inner.isNullable)
        case .toTimestamp(let operand):
            let inner = try type(of: operand, in: schema)
            guard inner.type == .string else { throw .typeMismatch(expression, "to_timestamp needs a string, got \(inner.type)") }
            return Typed(type: .timestamp, isNullable: true)
        case .alias(let operand, _):
            return try type(of: operand, in: schema)
        case .aggregate(let function, let argument):
            return try aggregateType(function, argument, in: schema, expression: expression)
        case .window(let time, let length, let slide, _):
            let inner = try type(of: time, in: schema)
            guard inner.type == .timestamp else { throw .typeMismatch(expression, "window needs a timestamp column, got \(inner.type)") }
            guard length > .zero, slide > .zero, slide <= length else {
                throw .typeMismatch(expression, "window length and slide must be positive, with the slide at most the length")
            }
            return Typed(type: .timestamp, isNullable: false)
        case .sessionWindow(let time, let gap):
            let inner = try type(of: time, in: schema)
            guard inner.type == .timestamp else { throw .typeMismatch(expression, "session_window needs a timestamp column, got \(inner.type)") }
            guard gap > .zero else { throw .typeMismatch(expression, "the session gap must be positive") }
            return Typed(type: .timestamp, isNullable: false)
        case .explodeSplit(let operand, _):
            let inner = try type(of: operand, in: schema)
            guard inner.type == .string else { throw .typeMismatch(expression, "split needs a string, got \(inner.type)") }
            return Typed(type: .string, isNullable: false)
        }
    }

    private static func aggregateType(_ function: AggregateFunction, _ argument: Expression?, in schema: Schema,
                                      expression: Expression) throws(AnalysisError) -> Typed {
        guard let argument else { return Typed(type: .int64, isNullable: false) }
        guard !argument.containsAggregate else { throw .typeMismatch(expression, "an aggregate cannot contain another aggregate") }
        let inner = try type(of: argument, in: schema)
        switch function {
        case .count: return Typed(type: .int64, isNullable: false)
        case .sum:
            guard isNumeric(inner.type) else { throw .typeMismatch(expression, "sum needs numbers, got \(inner.type)") }
            return Typed(type: inner.type, isNullable: true)
        case .avg:
            guard isNumeric(inner.type) else { throw .typeMismatch(expression, "avg needs numbers, got \(inner.type)") }
            return Typed(type: .double, isNullable: true)
        case .min, .max:
            guard inner.type != .bool else { throw .typeMismatch(expression, "\(function.rawValue) of booleans is not supported") }
            return Typed(type: inner.type, isNullable: true)
        }
    }

    static func isNumeric(_ type: DataType) -> Bool { type == .int64 || type == .double }

    static func comparable(_ lhs: DataType, _ rhs: DataType) -> Bool {
        lhs == rhs || (isNumeric(lhs) && isNumeric(rhs))
    }
}
