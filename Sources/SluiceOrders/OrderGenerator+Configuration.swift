extension OrderGenerator {
    /// What to generate; the defaults make the lecture's `orders.txt`: 500,000 orders over six hours.
    ///
    /// Fixed by the generator, not configured: amounts are 1...1000 shares, prices 1.00...100.00 in whole
    /// cents, buys and sells are equally likely, clients are equally likely, symbols follow Zipf's law
    /// by their rank in `symbols`.
    public struct Configuration: Sendable, Hashable {
        /// The number of lines, orderIds 1...count in file order.
        public var count: Int
        /// The seed; the same configuration always gives the same bytes.
        public var seed: UInt64
        /// Client ids are drawn from 1...clientCount.
        public var clientCount: Int
        /// The ticker symbols, most traded first: none empty, none with a comma or line break.
        public var symbols: [String]
        /// The event time of the first order, in microseconds since the epoch; a whole second.
        public var startTime: Int64
        /// How far the event time of on-time orders advances over the file, in whole seconds (fractions are dropped).
        public var timeSpan: Duration
        /// The share of orders (0...1) that arrive late: their time is 1 second to `maximumLateness`
        /// earlier than the latest time before them. The first order is never late.
        public var lateFraction: Double
        /// How late a late order can be: at least one second; fractions of a second are dropped.
        public var maximumLateness: Duration
        /// The share of lines (0...1) replaced by a malformed line, see `MalformedOrderKind`.
        public var malformedFraction: Double

        /// 2016-03-22 20:25:00 UTC, where the lecture's sample starts.
        public static let lectureStartTime: Int64 = 1_458_678_300 * 1_000_000

        /// Creates a configuration; every parameter has the lecture's default.
        public init(
            count: Int = 500_000,
            seed: UInt64 = 20_160_322,
            clientCount: Int = 100,
            symbols: [String] = OrderGenerator.tickerSymbols,
            startTime: Int64 = Configuration.lectureStartTime,
            timeSpan: Duration = .seconds(6 * 3600),
            lateFraction: Double = 0.03,
            maximumLateness: Duration = .seconds(600),
            malformedFraction: Double = 0
        ) {
            self.count = count
            self.seed = seed
            self.clientCount = clientCount
            self.symbols = symbols
            self.startTime = startTime
            self.timeSpan = timeSpan
            self.lateFraction = lateFraction
            self.maximumLateness = maximumLateness
            self.malformedFraction = malformedFraction
        }

        /// The reasons this configuration cannot be generated, empty when it can.
        public var problems: [String] {
            var problems: [String] = []
            if count < 0 { problems.append("count \(count) is negative") }
            if clientCount < 1 { problems.append("clientCount \(clientCount) is below 1") }
            if symbols.isEmpty { problems.append("no symbols") }
            for symbol in symbols where symbol.isEmpty || symbol.contains(where: { ",\n\r".contains($0) }) {
                problems.append("symbol '\(symbol)' is empty or holds a comma or line break")
            }
            if startTime % TimestampText.microsecondsPerSecond != 0 { problems.append("startTime \(startTime) is not a whole second") }
            if timeSpan < .zero { problems.append("timeSpan \(timeSpan) is negative") }
            if !(0...1).contains(lateFraction) { problems.append("lateFraction \(lateFraction) is not within 0...1") }
            if maximumLateness < .seconds(1) { problems.append("maximumLateness \(maximumLateness) is below one second") }
            if !(0...1).contains(malformedFraction) { problems.append("malformedFraction \(malformedFraction) is not within 0...1") }
            return problems
        }
    }
}
