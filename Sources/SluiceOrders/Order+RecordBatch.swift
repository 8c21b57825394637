import SluiceCore

extension Order {
    /// The rows of a parsed order batch (schema `OrderSchema.schema`) as orders; each distinct symbol is
    /// turned into a `String` once per batch, not once per row.
    public static func orders(in batch: RecordBatch) -> [Order] {
        guard case .timestamp(let times) = batch.column(named: "time"),
              case .int64(let orderIds) = batch.column(named: "orderId"),
              case .int64(let clientIds) = batch.column(named: "clientId"),
              case .string(let symbols) = batch.column(named: "symbol"),
              case .int64(let amounts) = batch.column(named: "amount"),
              case .double(let prices) = batch.column(named: "price"),
              case .bool(let sides) = batch.column(named: "buy")
        else { preconditionFailure("Order.orders(in:): not an order batch: \(batch.schema)") }
        let names = symbols.dictionary.strings
        return (0 ..< batch.rowCount).map { row in
            Order(time: times.values[row], orderId: orderIds.values[row], clientId: clientIds.values[row],
                  symbol: names[Int(symbols.codes[row])], amount: amounts.values[row], price: prices.values[row],
                  isBuy: sides.values[row])
        }
    }
}
