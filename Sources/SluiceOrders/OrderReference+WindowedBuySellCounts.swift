/// The buy and sell counts of one event-time window.
public struct WindowBuySellCounts: Sendable, Hashable {
    /// The event-time window.
    public var window: TimeWindow
    /// The buys and sells whose event time lies in the window.
    public var counts: BuySellCounts

    /// Creates a window's counts.
    public init(window: TimeWindow, counts: BuySellCounts) {
        self.window = window
        self.counts = counts
    }
}

extension OrderReference {
    /// For each window that holds an order, how many orders in it buy and how many sell, earliest window first.
    ///
    /// The default windows are an hour long and slide by five minutes, aligned to the epoch as Spark aligns
    /// them (see `TimeWindow.windows(containing:length:slide:)`), so each order counts in twelve windows.
    public static func buySellCountsPerWindow(
        _ orders: some Sequence<Order>,
        length: Duration = .seconds(3600),
        slide: Duration = .seconds(300)
    ) -> [WindowBuySellCounts] {
        var countsPerWindow: [TimeWindow: BuySellCounts] = [:]
        for order in orders {
            for window in TimeWindow.windows(containing: order.time, length: length, slide: slide) {
                countsPerWindow[window, default: BuySellCounts()].count(order)
            }
        }
        return countsPerWindow.sorted { $0.key < $1.key }.map { WindowBuySellCounts(window: $0.key, counts: $0.value) }
    }
}
