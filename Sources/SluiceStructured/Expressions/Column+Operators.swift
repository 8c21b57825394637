import SluiceCore

/// Arithmetic, comparison and boolean operators on columns, each also with a literal on either side.
extension Column {
    static func binary(_ op: BinaryOperator, _ lhs: Column, _ rhs: Column) -> Column {
        Column(.binary(op, lhs.expression, rhs.expression))
    }

    public static func + (lhs: Column, rhs: Column) -> Column { binary(.add, lhs, rhs) }
    public static func - (lhs: Column, rhs: Column) -> Column { binary(.subtract, lhs, rhs) }
    public static func * (lhs: Column, rhs: Column) -> Column { binary(.multiply, lhs, rhs) }
    /// Division, always in `Double`, as Spark's `/`.
    public static func / (lhs: Column, rhs: Column) -> Column { binary(.divide, lhs, rhs) }
    public static func % (lhs: Column, rhs: Column) -> Column { binary(.remainder, lhs, rhs) }
    public static func == (lhs: Column, rhs: Column) -> Column { binary(.equal, lhs, rhs) }
    public static func != (lhs: Column, rhs: Column) -> Column { binary(.notEqual, lhs, rhs) }
    public static func < (lhs: Column, rhs: Column) -> Column { binary(.less, lhs, rhs) }
    public static func <= (lhs: Column, rhs: Column) -> Column { binary(.lessOrEqual, lhs, rhs) }
    public static func > (lhs: Column, rhs: Column) -> Column { binary(.greater, lhs, rhs) }
    public static func >= (lhs: Column, rhs: Column) -> Column { binary(.greaterOrEqual, lhs, rhs) }
    public static func && (lhs: Column, rhs: Column) -> Column { binary(.and, lhs, rhs) }
    public static func || (lhs: Column, rhs: Column) -> Column { binary(.or, lhs, rhs) }
    public static prefix func ! (operand: Column) -> Column { Column(.not(operand.expression)) }

    public static func + (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs + lit(rhs) }
    public static func - (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs - lit(rhs) }
    public static func * (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs * lit(rhs) }
    public static func / (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs / lit(rhs) }
    public static func % (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs % lit(rhs) }
    public static func == (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs == lit(rhs) }
    public static func != (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs != lit(rhs) }
    public static func < (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs < lit(rhs) }
    public static func <= (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs <= lit(rhs) }
    public static func > (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs > lit(rhs) }
    public static func >= (lhs: Column, rhs: some ColumnLiteral) -> Column { lhs >= lit(rhs) }

    public static func + (lhs: some ColumnLiteral, rhs: Column) -> Column { lit(lhs) + rhs }
    public static func - (lhs: some ColumnLiteral, rhs: Column) -> Column { lit(lhs) - rhs }
    public static func * (lhs: some ColumnLiteral, rhs: Column) -> Column { lit(lhs) * rhs }
    public static func / (lhs: some ColumnLiteral, rhs: Column) -> Column { lit(lhs) / rhs }
}
