import SluiceCore

/// The lecture's count-buys: how many buy and sell orders a batch holds.
public struct BuySellCounts: Sendable, Hashable, CustomStringConvertible {
    public var buys: Int64
    public var sells: Int64

    public init(buys: Int64 = 0, sells: Int64 = 0) {
        self.buys = buys
        self.sells = sells
    }

    /// Counts the buys and sells of a parsed order batch (a vectorized sum of the `buy` column).
    public init(counting orders: RecordBatch) {
        guard case .bool(let buy) = orders.column(named: "buy") else {
            preconditionFailure("BuySellCounts: the batch has no boolean 'buy' column: \(orders.schema)")
        }
        let buys = buy.values.withSpan { flags in
            var total = 0
            for index in flags.indices where flags[index] { total &+= 1 }
            return total
        }
        self.init(buys: Int64(buys), sells: Int64(buy.nonNullCount() - buys))
    }

    public static func + (lhs: BuySellCounts, rhs: BuySellCounts) -> BuySellCounts {
        BuySellCounts(buys: lhs.buys + rhs.buys, sells: lhs.sells + rhs.sells)
    }

    /// The lecture's `part-00000` lines, in Spark's key order: `(False, 4962)` then `(True, 5038)`;
    /// a side with no orders is left out, as `reduceByKey` leaves out absent keys.
    public var description: String {
        var lines: [String] = []
        if sells > 0 { lines.append("(False, \(sells))") }
        if buys > 0 { lines.append("(True, \(buys))") }
        return lines.joined(separator: "\n")
    }
}
