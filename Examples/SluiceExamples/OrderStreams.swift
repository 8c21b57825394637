import Foundation
import SluiceCore
import SluiceDStream
import SluiceOrders

/// The pieces the order examples share.
public enum OrderStreams {
    /// The orders of the files moved into `directory`, parsed straight into columns (the lecture's
    /// `textFileStream(...).flatMap(parseOrder)`); malformed lines are skipped, counted in each batch's
    /// metrics and reported to the context's listeners with their file and line.
    public static func fileStream(_ context: StreamingContext, directory: String) -> DStream<Order> {
        context.receiverStream(DirectoryInput(directory: directory, decoder: OrderParser()), decode: Order.orders(in:))
    }

    /// Buy and sell counts per batch, keyed by `isBuy` as the lecture's `numPerType`, sells (`false`) first
    /// as in the lecture's output files.
    public static func numPerType(_ orders: DStream<Order>) -> DStream<(Bool, Int64)> {
        orders.map { ($0.isBuy, Int64(1)) }.reduceByKey(+).transform { rdd, _ in rdd.sortBy { $0.0 ? 1 : 0 } }
    }

    /// The lecture's `buySellList`: `("BUYS", [count])` and `("SELLS", [count])`.
    public static func buySellList(_ numPerType: DStream<(Bool, Int64)>) -> DStream<(String, [String])> {
        numPerType.map { ($0.0 ? "BUYS" : "SELLS", [String($0.1)]) }
    }

    /// The first `count` keys of each batch by descending value, as the lecture's
    /// `sortBy(...).map(...).zipWithIndex().filter(...)`, gathered into one `(label, [keys])` element.
    public static func top<Key: CustomStringConvertible & Sendable, Value: Comparable & Sendable>(
        _ count: Int, of pairs: DStream<(Key, Value)>, label: String
    ) -> DStream<(String, [String])> {
        pairs.transform { rdd, _ in
            rdd.sortBy({ $0.1 }, ascending: false).map(\.0).zipWithIndex().filter { $0.1 < Int64(count) }
        }
        .repartition(1)
        .map { $0.0.description }
        .glom()
        .map { (label, $0) }
    }
}
