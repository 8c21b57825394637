import SluiceCore
import SluiceOrders

/// The lecture's 500,000 orders, as `sluice-orders-file` writes them for the C++ reference kernels.
public enum LectureOrders {
    /// SluiceOrders' default, which `sluice-orders-file` writes too: 500,000 orders over six hours,
    /// 100 clients, seed 20160322, no malformed lines.
    public static let configuration = OrderGenerator.Configuration()

    /// The orders, one `OrderSchema` batch.
    public static func batch() -> RecordBatch {
        let rows: [[Value]] = OrderGenerator.generate(configuration).orders.map { order in
            [.timestamp(order.time), .int64(order.orderId), .int64(order.clientId), .string(order.symbol),
             .int64(order.amount), .double(order.price), .bool(order.isBuy)]
        }
        do {
            return try RecordBatch(schema: OrderSchema.schema, rows: rows)
        } catch {
            preconditionFailure("LectureOrders: \(error)")
        }
    }
}
