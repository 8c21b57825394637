import Foundation
import SluiceCore
import SluiceDStream
import SluiceOrders

/// The lecture's `parseOrder`, shared by the order examples.
public enum OrderStreams {
    /// The orders in each batch of lines; a line that does not parse is reported on standard error, as
    /// the lecture's `parseOrder` prints `Wrong line format`, and skipped (`flatMap` keeps the job going).
    public static func parse(_ lines: DStream<String>) -> DStream<Order> {
        lines.flatMap { line in
            do {
                return [try Order(line: line)]
            } catch {
                FileHandle.standardError.write(Data("Wrong line format (\(error)): \(line)\n".utf8))
                return []
            }
        }
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
