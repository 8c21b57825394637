/// A deterministic, seeded generator of the lecture's `orders.txt`, one line at a time.
///
/// Line *i* (from 1) holds orderId *i*. On-time orders advance evenly through `timeSpan` in whole seconds
/// (order *i* at `startTime + ⌊(i − 1) · timeSpan / count⌋`). A late order's time is 1 second to
/// `maximumLateness` earlier than the on-time time of the line before it, which is the latest time so far;
/// every other order is on time.
///
/// Malformed lines *replace* orders: the order of line *i* is drawn as usual and then spoiled, so the
/// well-formed orders lack exactly the orderIds of the malformed lines, and every other line is
/// byte-for-byte the line of a clean file with the same seed (malformed choices come from a random
/// stream of their own).
public struct OrderGenerator: Sequence, IteratorProtocol {
    /// What the generator makes.
    public let configuration: Configuration
    /// How many malformed lines the generator has made so far.
    public private(set) var malformedLineCount = 0
    private var orderRandom: Xoshiro256StarStar
    private var malformedRandom: Xoshiro256StarStar
    private let symbolPicker: ZipfPicker
    private var nextLineIndex = 0
    private let timeSpanSeconds: Int64
    private let maximumLatenessSeconds: Int64

    /// A generator at the first line of `configuration`, which must have no `problems`.
    public init(_ configuration: Configuration = Configuration()) {
        let problems = configuration.problems
        precondition(problems.isEmpty, "order generator: \(problems.joined(separator: "; "))")
        self.configuration = configuration
        orderRandom = Xoshiro256StarStar(seed: configuration.seed)
        malformedRandom = Xoshiro256StarStar(seed: configuration.seed ^ 0x6D61_6C66_6F72_6D65)
        symbolPicker = ZipfPicker(count: configuration.symbols.count)
        timeSpanSeconds = configuration.timeSpan.components.seconds
        maximumLatenessSeconds = configuration.maximumLateness.components.seconds
    }

    /// The next line, or nil after `configuration.count` lines.
    public mutating func next() -> GeneratedLine? {
        guard nextLineIndex < configuration.count else { return nil }
        let order = makeOrder(lineIndex: nextLineIndex)
        nextLineIndex += 1
        guard malformedRandom.nextIsTrue(probability: configuration.malformedFraction) else {
            return .order(order)
        }
        let kinds = MalformedOrderKind.allCases
        let kind = kinds[Int(malformedRandom.next(below: UInt64(kinds.count)))]
        malformedLineCount += 1
        return .malformed(MalformedOrderLine(lineNumber: nextLineIndex, kind: kind, bytes: kind.line(spoiling: order)))
    }

    private mutating func makeOrder(lineIndex: Int) -> Order {
        var seconds = onTimeSeconds(lineIndex: lineIndex)
        if lineIndex > 0 && orderRandom.nextIsTrue(probability: configuration.lateFraction) {
            seconds = onTimeSeconds(lineIndex: lineIndex - 1) - orderRandom.next(in: 1...maximumLatenessSeconds)
        }
        let clientId = orderRandom.next(in: 1...Int64(configuration.clientCount))
        let symbol = configuration.symbols[symbolPicker.pick(using: &orderRandom)]
        let amount = orderRandom.next(in: 1...1000)
        let priceInCents = orderRandom.next(in: 100...10_000)
        let isBuy = orderRandom.next() >> 63 == 1
        return Order(
            time: configuration.startTime + seconds * TimestampText.microsecondsPerSecond,
            orderId: Int64(lineIndex + 1),
            clientId: clientId,
            symbol: symbol,
            amount: amount,
            price: Double(priceInCents) / 100,
            isBuy: isBuy
        )
    }

    /// Seconds after `startTime` of an on-time order on the line at `lineIndex`: `⌊lineIndex · span / count⌋`.
    private func onTimeSeconds(lineIndex: Int) -> Int64 {
        let product = Int64(lineIndex).multipliedFullWidth(by: timeSpanSeconds)
        return Int64(configuration.count).dividingFullWidth(product).quotient
    }
}
