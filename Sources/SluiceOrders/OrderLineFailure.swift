/// Why a line is not an order, as positions in the line: cheap to throw, and made into words
/// (`OrderLineError`) only when someone reads it.
enum OrderLineFailure: Error {
    case emptyLine
    case lineLength(Int, limit: Int)
    case fieldCount(Int)
    /// The field at `index` (in schema order), whose bytes lie at `range`, is not of its form.
    case field(Int, Range<Int>)

    /// What each field must be, in schema order.
    private static let expectedForms = [
        "a time of the form yyyy-MM-dd HH:mm:ss", "a whole number", "a whole number",
        "a non-empty UTF-8 symbol", "a whole number", "a decimal", "B or S",
    ]

    /// The failure in words, quoting the offending bytes of `line`.
    func error(quoting line: Span<UInt8>) -> OrderLineError {
        switch self {
        case .emptyLine:
            OrderLineError(problem: "empty line")
        case .lineLength(let length, let limit):
            OrderLineError(problem: "line of \(length) bytes is longer than the \(limit)-byte limit")
        case .fieldCount(let count):
            OrderLineError(problem: "expected \(Order.fieldCount) comma-separated fields, found \(count)")
        case .field(let index, let range):
            OrderLineError(
                fieldName: OrderSchema.schema.fields[index].name,
                problem: "\(OrderLineError.quoted(line.extracting(range))) is not \(Self.expectedForms[index])"
            )
        }
    }
}
