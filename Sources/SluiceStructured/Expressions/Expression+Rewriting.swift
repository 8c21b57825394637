/// Walking and rewriting expression trees.
extension Expression {
    /// The expressions directly inside this one.
    var children: [Expression] {
        switch self {
        case .column, .literal, .aggregate(_, nil): []
        case .binary(_, let lhs, let rhs): [lhs, rhs]
        case .aggregate(_, let argument?): [argument]
        case .not(let operand), .isNull(let operand), .cast(let operand, _), .hour(let operand), .toTimestamp(let operand),
             .alias(let operand, _), .window(let operand, _, _, _), .sessionWindow(let operand, _), .explodeSplit(let operand, _):
            [operand]
        }
    }

    /// Whether this expression, or one anywhere inside it, satisfies `predicate`.
    func contains(where predicate: (Expression) -> Bool) -> Bool {
        predicate(self) || children.contains { $0.contains(where: predicate) }
    }

    /// The expression with every part for which `replacement` returns an expression replaced by it,
    /// looked for from the top down: the inside of a replaced part is not visited.
    func replacing<Failure: Error>(_ replacement: (Expression) throws(Failure) -> Expression?) throws(Failure) -> Expression {
        if let replaced = try replacement(self) { return replaced }
        switch self {
        case .column, .literal, .aggregate(_, nil):
            return self
        case .binary(let op, let lhs, let rhs):
            return .binary(op, try lhs.replacing(replacement), try rhs.replacing(replacement))
        case .aggregate(let function, let argument?):
            return .aggregate(function, try argument.replacing(replacement))
        case .not(let operand):
            return .not(try operand.replacing(replacement))
        case .isNull(let operand):
            return .isNull(try operand.replacing(replacement))
        case .cast(let operand, let type):
            return .cast(try operand.replacing(replacement), type)
        case .hour(let operand):
            return .hour(try operand.replacing(replacement))
        case .toTimestamp(let operand):
            return .toTimestamp(try operand.replacing(replacement))
        case .alias(let operand, let name):
            return .alias(try operand.replacing(replacement), name)
        case .window(let time, let length, let slide, let start):
            return .window(try time.replacing(replacement), length: length, slide: slide, start: start)
        case .sessionWindow(let time, let gap):
            return .sessionWindow(try time.replacing(replacement), gap: gap)
        case .explodeSplit(let operand, let separator):
            return .explodeSplit(try operand.replacing(replacement), separator: separator)
        }
    }
}
