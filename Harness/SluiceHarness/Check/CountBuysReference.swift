import SluiceOrders

/// The lecture's count-buys over the whole stream (`groupBy(buy).count()`): rows `buy, count`, upserted by
/// `buy`, a side without orders having no row. The answer is ``OrderReference/buySellCounts(_:)``.
public struct CountBuysReference: ReferenceAnswer {
    public static let query = "count-buys"
    public static let layout = SinkLayout(
        keyColumns: [SinkColumn("buy", .boolean)], valueColumns: [SinkColumn("count", .number)], countColumn: "count", outputMode: .update
    )

    private var counts = BuySellCounts()

    public init() {}

    public mutating func add(_ orders: [Order]) {
        counts = counts + OrderReference.buySellCounts(orders)
    }

    public var table: SinkTable {
        var table = SinkTable(layout: Self.layout)
        for (buy, count) in [(false, counts.sells), (true, counts.buys)] where count > 0 {
            table.set(table.key([.bool(buy)]), ["count": .int(count)])
        }
        return table
    }
}
