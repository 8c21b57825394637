/// Reading an order back from its line of `orders.txt`, strictly: the lecture's `parseOrder` with reasons.
extension Order {
    /// The number of comma-separated fields in an order line.
    public static let fieldCount = 7

    /// Parses `line` (without its newline); see `init(lineBytes:)`.
    public init(line: String) throws(OrderLineError) {
        try self.init(lineBytes: Array(line.utf8)[...])
    }

    /// Parses one line of `orders.txt` given as bytes, without its newline.
    ///
    /// The line must hold exactly seven comma-separated fields: a `yyyy-MM-dd HH:mm:ss` UTC time, whole
    /// numbers `[-]digits` for orderId, clientId and amount, a non-empty UTF-8 symbol, a decimal
    /// `[-]digits[.digits]` price and `B` or `S`. Nothing else is accepted: no spaces, signs `+`,
    /// exponents or extra fields (the lecture's parser ignores fields after the seventh; this one refuses them).
    public init(lineBytes line: ArraySlice<UInt8>) throws(OrderLineError) {
        guard !line.isEmpty else { throw OrderLineError(problem: "empty line") }
        let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard fields.count == Self.fieldCount else {
            throw OrderLineError(problem: "expected \(Self.fieldCount) comma-separated fields, found \(fields.count)")
        }
        let names = OrderSchema.schema.fields.map(\.name)
        func decode<Value>(_ position: Int, _ expected: String, _ decoder: (ArraySlice<UInt8>) -> Value?) throws(OrderLineError) -> Value {
            guard let value = decoder(fields[position]) else {
                throw OrderLineError(fieldName: names[position], problem: "\(OrderLineError.quoted(fields[position])) is not \(expected)")
            }
            return value
        }
        self.init(
            time: try decode(0, "a time of the form yyyy-MM-dd HH:mm:ss", TimestampText.decode),
            orderId: try decode(1, "a whole number", OrderFieldDecoding.wholeNumber),
            clientId: try decode(2, "a whole number", OrderFieldDecoding.wholeNumber),
            symbol: try decode(3, "a non-empty UTF-8 symbol", OrderFieldDecoding.symbol),
            amount: try decode(4, "a whole number", OrderFieldDecoding.wholeNumber),
            price: try decode(5, "a decimal", OrderFieldDecoding.decimal),
            isBuy: try decode(6, "B or S", OrderFieldDecoding.side)
        )
    }
}
