import SluiceCore

/// The seven typed column builders of an order batch, appended to one decoded line at a time.
struct OrderColumnsBuilder {
    private var time: PrimitiveColumnBuilder<Int64>
    private var orderId: PrimitiveColumnBuilder<Int64>
    private var clientId: PrimitiveColumnBuilder<Int64>
    private var symbol: StringColumnBuilder
    private var amount: PrimitiveColumnBuilder<Int64>
    private var price: PrimitiveColumnBuilder<Double>
    private var isBuy: PrimitiveColumnBuilder<Bool>

    /// Empty builders with room for `capacity` rows.
    init(capacity: Int) {
        time = PrimitiveColumnBuilder(capacity: capacity)
        orderId = PrimitiveColumnBuilder(capacity: capacity)
        clientId = PrimitiveColumnBuilder(capacity: capacity)
        symbol = StringColumnBuilder(capacity: capacity)
        amount = PrimitiveColumnBuilder(capacity: capacity)
        price = PrimitiveColumnBuilder(capacity: capacity)
        isBuy = PrimitiveColumnBuilder(capacity: capacity)
    }

    /// Appends the order decoded from `line`, interning its symbol in the column's dictionary.
    mutating func append(_ fields: OrderLineFields, of line: Span<UInt8>) {
        time.append(fields.time)
        orderId.append(fields.orderId)
        clientId.append(fields.clientId)
        symbol.append(utf8: line.extracting(fields.symbol))
        amount.append(fields.amount)
        price.append(fields.price)
        isBuy.append(fields.isBuy)
    }

    /// The batch of every appended order, with `OrderSchema.schema`.
    func finish() -> RecordBatch {
        let columns: [ColumnVector] = [
            .timestamp(time.finish()), .int64(orderId.finish()), .int64(clientId.finish()), .string(symbol.finish()),
            .int64(amount.finish()), .double(price.finish()), .bool(isBuy.finish()),
        ]
        do {
            return try RecordBatch(schema: OrderSchema.schema, columns: columns)
        } catch {
            preconditionFailure("order columns do not fit OrderSchema: \(error)")
        }
    }
}
