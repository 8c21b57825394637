import SluiceCore
import SluiceOrders

extension RecordBatch {
    /// The rows of an order batch (schema `OrderSchema.schema`) as orders, for comparing with generated ones.
    var orders: [Order] {
        guard case .timestamp(let times) = column(named: "time"),
              case .int64(let orderIds) = column(named: "orderId"),
              case .int64(let clientIds) = column(named: "clientId"),
              case .string(let symbols) = column(named: "symbol"),
              case .int64(let amounts) = column(named: "amount"),
              case .double(let prices) = column(named: "price"),
              case .bool(let sides) = column(named: "buy")
        else { preconditionFailure("not an order batch: \(schema)") }
        return (0..<rowCount).map { row in
            Order(
                time: times.values[row], orderId: orderIds.values[row], clientId: clientIds.values[row],
                symbol: symbols.string(at: row), amount: amounts.values[row], price: prices.values[row],
                isBuy: sides.values[row]
            )
        }
    }
}
