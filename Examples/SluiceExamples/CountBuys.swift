import SluiceDStream
import SluiceOrders

/// The lecture's `count-buys.py`: how many buy and sell orders arrive in each batch.
public enum CountBuys {
    /// Counts buys and sells per batch and saves them as `output-TIME.txt/part-00000`.
    @discardableResult
    public static func define(orders: DStream<Order>, outputPrefix: String) -> DStream<(Bool, Int64)> {
        let numPerType = OrderStreams.numPerType(orders)
        numPerType.repartition(1).saveAsTextFiles(prefix: outputPrefix, suffix: "txt")
        return numPerType
    }
}
