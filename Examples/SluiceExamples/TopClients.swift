import SluiceDStream
import SluiceOrders

/// The lecture's `top-clients.py`: buys and sells per batch, and the five clients with the largest
/// total of amount × price since the start.
public enum TopClients {
    /// Defines the program; its output stream holds `("SELLS", [n])`, `("BUYS", [n])` and
    /// `("TOP5CLIENTS", [ids])` per batch, saved under `outputPrefix`.
    @discardableResult
    public static func define(orders: DStream<Order>, outputPrefix: String) -> DStream<(String, [String])> {
        let numPerType = OrderStreams.numPerType(orders)
        let amountPerClient = orders.map { ($0.clientId, Double($0.amount) * $0.price) }
        let amountState = amountPerClient.updateStateByKey { (values: [Double], total: Double?) in
            (total ?? 0) + values.reduce(0, +)
        }
        let top5clients = OrderStreams.top(5, of: amountState, label: "TOP5CLIENTS")
        let finalStream = OrderStreams.buySellList(numPerType).union(top5clients)
        finalStream.repartition(1).saveAsTextFiles(prefix: outputPrefix, suffix: "txt")
        return finalStream
    }
}
