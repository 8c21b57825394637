import SluiceCore

/// SQL's three-valued AND, OR and NOT: `false AND null` is false, `true OR null` is true, other nulls stay null.
enum BooleanLogic {
    static func combine(_ op: BinaryOperator, _ lhs: ColumnVector, _ rhs: ColumnVector) -> ColumnVector {
        guard case .bool(let left) = lhs, case .bool(let right) = rhs else { preconditionFailure("BooleanLogic: analyzed operands are booleans") }
        let count = left.count
        var values = ContiguousArray<Bool>(repeating: false, count: count)
        var valid = [Bool](repeating: true, count: count)
        for row in 0 ..< count {
            let a: Bool? = left.isNull(row) ? nil : left.values[row]
            let b: Bool? = right.isNull(row) ? nil : right.values[row]
            let result: Bool? = op == .and
                ? (a == false || b == false ? false : (a == nil || b == nil ? nil : true))
                : (a == true || b == true ? true : (a == nil || b == nil ? nil : false))
            values[row] = result ?? false
            valid[row] = result != nil
        }
        return .bool(PrimitiveColumn(ColumnBuffer(values), validity: valid.allSatisfy { $0 } ? nil : ValidityBitmap(valid)))
    }

    static func not(_ operand: ColumnVector) -> ColumnVector {
        guard case .bool(let values) = operand else { preconditionFailure("BooleanLogic: analyzed operand is a boolean") }
        return .bool(PrimitiveColumn(ColumnBuffer(values.values.map { !$0 }), validity: values.validity))
    }
}
