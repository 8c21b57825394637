/// A stock symbol and the total number of its shares traded.
public struct SymbolAmount: Sendable, Hashable {
    /// The ticker symbol.
    public var symbol: String
    /// The number of its shares traded, buys and sells alike.
    public var amount: Int64

    /// Creates a symbol's total.
    public init(symbol: String, amount: Int64) {
        self.symbol = symbol
        self.amount = amount
    }
}

/// The most traded symbols of one event-time window.
public struct WindowTopSymbols: Sendable, Hashable {
    /// The event-time window.
    public var window: TimeWindow
    /// Highest amount first.
    public var symbols: [SymbolAmount]

    /// Creates a window's ranking.
    public init(window: TimeWindow, symbols: [SymbolAmount]) {
        self.window = window
        self.symbols = symbols
    }
}

extension OrderReference {
    /// `windows-operations.py` on event time: for each window that holds an order, the `limit` symbols
    /// with the most shares traded (buys and sells alike), highest first; equal amounts by symbol in
    /// ascending `String` order (byte order for ASCII symbols).
    ///
    /// The default windows are tumbling hours aligned to the epoch (see `TimeWindow.windows(containing:length:slide:)`);
    /// the answer lists windows earliest first.
    public static func topSymbolsPerWindow(
        _ orders: some Sequence<Order>,
        length: Duration = .seconds(3600),
        slide: Duration = .seconds(3600),
        limit: Int = 5
    ) -> [WindowTopSymbols] {
        var totals: [TimeWindow: [String: Int64]] = [:]
        for order in orders {
            for window in TimeWindow.windows(containing: order.time, length: length, slide: slide) {
                totals[window, default: [:]][order.symbol, default: 0] += order.amount
            }
        }
        return totals.sorted { $0.key < $1.key }.map { window, symbolTotals in
            let top = largest(symbolTotals, limit: limit).map { SymbolAmount(symbol: $0.key, amount: $0.total) }
            return WindowTopSymbols(window: window, symbols: top)
        }
    }
}
