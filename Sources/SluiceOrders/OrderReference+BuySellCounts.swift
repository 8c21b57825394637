extension OrderReference {
    /// `count-buys.py`: the number of buy orders and of sell orders in `orders`.
    public static func buySellCounts(_ orders: some Sequence<Order>) -> BuySellCounts {
        var counts = BuySellCounts()
        for order in orders {
            counts.count(order)
        }
        return counts
    }
}

extension BuySellCounts {
    /// Counts `order` as a buy or a sell.
    mutating func count(_ order: Order) {
        if order.isBuy {
            buys += 1
        } else {
            sells += 1
        }
    }
}
