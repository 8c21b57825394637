import SluiceCore

/// Reading an order back from its line of `orders.txt`, strictly: the lecture's `parseOrder` with reasons.
extension Order {
    /// The number of comma-separated fields in an order line.
    public static let fieldCount = 7

    /// Parses `line` (without its newline); see `init(lineBytes:)`.
    public init(line: String) throws(OrderLineError) {
        try self.init(lineBytes: line.utf8.span)
    }

    /// Parses one line of `orders.txt` given as bytes, without its newline.
    ///
    /// The line must hold exactly seven comma-separated fields: a `yyyy-MM-dd HH:mm:ss` UTC time, whole
    /// numbers `[-]digits` for orderId, clientId and amount, a non-empty UTF-8 symbol, a decimal
    /// `[-]digits[.digits]` price and `B` or `S`. Nothing else is accepted: no spaces, signs `+`,
    /// exponents or extra fields (the lecture's parser ignores fields after the seventh; this one refuses them).
    public init(lineBytes line: Span<UInt8>) throws(OrderLineError) {
        let fields: OrderLineFields
        do {
            fields = try OrderLineFields(line)
        } catch {
            throw error.error(quoting: line)
        }
        self.init(
            time: fields.time,
            orderId: fields.orderId,
            clientId: fields.clientId,
            symbol: String(decoding: ScalarText.copy(line.extracting(fields.symbol)), as: UTF8.self),
            amount: fields.amount,
            price: fields.price,
            isBuy: fields.isBuy
        )
    }
}
