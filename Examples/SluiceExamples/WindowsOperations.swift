import SluiceDStream
import SluiceOrders

/// The lecture's `windows-operations.py`: buys and sells per batch, and the five most traded stocks
/// (by amount) over the last hour of batches.
public enum WindowsOperations {
    /// Defines the program; its output stream holds the batch's buy and sell counts and
    /// `("TOP5STOCKS", [symbols])` over a one-hour window, saved under `outputPrefix`.
    @discardableResult
    public static func define(orders: DStream<Order>, outputPrefix: String, windowLength: Duration = .seconds(60 * 60)) throws
        -> DStream<(String, [String])> {
        let numPerType = OrderStreams.numPerType(orders)
        let stocksWindow = try orders.map { ($0.symbol, $0.amount) }.window(windowLength)
        let stocksPerWindow = stocksWindow.reduceByKey(+)
        let topStocks = OrderStreams.top(5, of: stocksPerWindow, label: "TOP5STOCKS")
        let finalStream = OrderStreams.buySellList(numPerType).union(topStocks)
        finalStream.repartition(1).saveAsTextFiles(prefix: outputPrefix, suffix: "txt")
        return finalStream
    }
}
