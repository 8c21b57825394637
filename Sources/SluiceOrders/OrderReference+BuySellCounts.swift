/// How many orders buy and how many sell.
public struct BuySellCounts: Sendable, Hashable {
    /// The number of buy (`B`) orders.
    public var buys: Int
    /// The number of sell (`S`) orders.
    public var sells: Int

    /// Creates counts.
    public init(buys: Int, sells: Int) {
        self.buys = buys
        self.sells = sells
    }

    /// Counts `order` as a buy or a sell.
    mutating func count(_ order: Order) {
        if order.isBuy {
            buys += 1
        } else {
            sells += 1
        }
    }
}

extension OrderReference {
    /// `count-buys.py`: the number of buy orders and of sell orders in `orders`.
    public static func buySellCounts(_ orders: some Sequence<Order>) -> BuySellCounts {
        var counts = BuySellCounts(buys: 0, sells: 0)
        for order in orders {
            counts.count(order)
        }
        return counts
    }
}
