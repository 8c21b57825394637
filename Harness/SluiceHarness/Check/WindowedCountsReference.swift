import SluiceOrders

/// Buys and sells per event-time window an hour long sliding by five minutes, as the job's
/// windowed-counts query makes them: rows `buy, window.start, window.end, count`, upserted by the first
/// three. The answer is ``OrderReference/buySellCountsPerWindow(_:length:slide:)``, which counts every
/// order however late: a job whose watermark drops late rows (its batches' `lateRowsDropped`) falls
/// short of it by those rows.
public struct WindowedCountsReference: ReferenceAnswer {
    public static let query = "windowed-counts"
    public static let layout = SinkLayout(
        keyColumns: [SinkColumn("buy", .boolean), SinkColumn("window.start", .timestamp), SinkColumn("window.end", .timestamp)],
        valueColumns: [SinkColumn("count", .number)], countColumn: "count", outputMode: .update
    )
    /// The windows' length and slide.
    public static let windowLength = Duration.seconds(3600)
    public static let windowSlide = Duration.seconds(300)

    private var counts: [TimeWindow: BuySellCounts] = [:]

    public init() {}

    public mutating func add(_ orders: [Order]) {
        for window in OrderReference.buySellCountsPerWindow(orders, length: Self.windowLength, slide: Self.windowSlide) {
            counts[window.window, default: BuySellCounts()] = counts[window.window, default: BuySellCounts()] + window.counts
        }
    }

    public var table: SinkTable {
        var table = SinkTable(layout: Self.layout)
        for (window, sides) in counts {
            for (buy, count) in [(false, sides.sells), (true, sides.buys)] where count > 0 {
                table.set(table.key([.bool(buy), .int(window.start), .int(window.end)]), ["count": .int(count)])
            }
        }
        return table
    }
}
