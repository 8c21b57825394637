/// A high-dynamic-range histogram of latencies in µs: HdrHistogram's layout (Gil Tene), written out
/// small because the harness needs only recording, percentiles and merging.
///
/// Values from 0 to ``highestTrackableValue`` are counted with ``significantDigits`` decimal digits of
/// precision: every value below `2·10^digits` has its own counter, and above that each power-of-two
/// range is split into `2^k ≥ 2·10^digits` equal sub-buckets, so a value is known to within one part
/// in 10^digits. The default, 1 µs to one hour at 3 digits, needs at most about 23,500 counters; the
/// counter array grows only as far as the largest value recorded, so a histogram of millisecond
/// latencies stays a few tens of kilobytes.
///
/// Percentiles follow HdrHistogram: the value at percentile `p` is the highest value equivalent to the
/// one of rank `⌈p/100 · count⌉` (at most ``maximum``), so it is never below the exact nearest-rank
/// value and exceeds it by less than one part in 10^digits.
public struct LatencyHistogram: Sendable, Equatable {
    /// Largest value counted as itself; larger ones count as this value (see ``clampedCount``).
    public let highestTrackableValue: Int64
    /// Decimal digits of precision, 1 to 5.
    public let significantDigits: Int
    /// Values recorded.
    public private(set) var totalCount: Int64 = 0
    /// Smallest value recorded (after clamping); 0 when empty.
    public var minimum: Int64 { totalCount == 0 ? 0 : smallest }
    /// Largest value recorded (after clamping), exactly; 0 when empty.
    public private(set) var maximum: Int64 = 0
    /// Values outside 0 ... ``highestTrackableValue``, counted as the nearer bound.
    public private(set) var clampedCount: Int64 = 0

    /// log2 of half the sub-buckets per bucket.
    private let subBucketHalfCountMagnitude: Int
    private var smallest: Int64 = .max
    /// Counts by index; only as long as the highest index recorded needs.
    private var counts: [Int64] = []

    /// One hour in µs, the default highest trackable value.
    public static let oneHour: Int64 = 3_600_000_000

    /// An empty histogram for values from 0 to `highestTrackableValue` at `significantDigits` digits.
    public init(highestTrackableValue: Int64 = oneHour, significantDigits: Int = 3) {
        precondition((1 ... 5).contains(significantDigits), "significantDigits must be 1 to 5, got \(significantDigits)")
        var largestValueWithSingleUnitResolution: Int64 = 2
        for _ in 0 ..< significantDigits { largestValueWithSingleUnitResolution *= 10 }
        let subBucketCountMagnitude = Int64.bitWidth - (largestValueWithSingleUnitResolution - 1).leadingZeroBitCount
        precondition(highestTrackableValue >= largestValueWithSingleUnitResolution, "highestTrackableValue must be at least 2·10^digits")
        self.highestTrackableValue = highestTrackableValue
        self.significantDigits = significantDigits
        subBucketHalfCountMagnitude = subBucketCountMagnitude - 1
    }

    /// Counts `value` `count` times; a value outside 0 ... ``highestTrackableValue`` counts as the nearer bound.
    public mutating func record(_ value: Int64, count: Int64 = 1) {
        guard count > 0 else { return }
        let clamped = min(max(value, 0), highestTrackableValue)
        if clamped != value { clampedCount += count }
        let index = countsIndex(of: clamped)
        if index >= counts.count { counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count)) }
        counts[index] += count
        totalCount += count
        smallest = min(smallest, clamped)
        maximum = max(maximum, clamped)
    }

    /// Adds everything `other` counted; both must have the same range and precision.
    public mutating func merge(_ other: LatencyHistogram) {
        precondition(
            other.highestTrackableValue == highestTrackableValue && other.significantDigits == significantDigits,
            "merging histograms of different layouts"
        )
        guard other.totalCount > 0 else { return }
        if other.counts.count > counts.count { counts.append(contentsOf: repeatElement(0, count: other.counts.count - counts.count)) }
        for (index, count) in other.counts.enumerated() where count > 0 { counts[index] += count }
        totalCount += other.totalCount
        clampedCount += other.clampedCount
        smallest = min(smallest, other.smallest)
        maximum = max(maximum, other.maximum)
    }

    /// The value at `percentile` (0 to 100): see the type's documentation; 0 when empty.
    public func value(atPercentile percentile: Double) -> Int64 {
        guard totalCount > 0 else { return 0 }
        let fractionalRank = min(max(percentile, 0), 100) * Double(totalCount) / 100
        let rank = min(max(Int64((fractionalRank * (1 - 4 * Double.ulpOfOne)).rounded(.up)), 1), totalCount)
        var cumulative: Int64 = 0
        for (index, count) in counts.enumerated() where count > 0 {
            cumulative += count
            if cumulative >= rank { return min(highestEquivalentValue(atIndex: index), maximum) }
        }
        return maximum
    }

    /// Half the number of sub-buckets in a bucket.
    private var subBucketHalfCount: Int { 1 << subBucketHalfCountMagnitude }

    /// The counter of `value`: HdrHistogram's `countsArrayIndex` with a unit of 1.
    private func countsIndex(of value: Int64) -> Int {
        let subBucketMask = Int64(2 * subBucketHalfCount - 1)
        let bucketIndex = (Int64.bitWidth - subBucketHalfCountMagnitude - 1) - (value | subBucketMask).leadingZeroBitCount
        let subBucketIndex = Int(value >> bucketIndex)
        return ((bucketIndex + 1) << subBucketHalfCountMagnitude) + (subBucketIndex - subBucketHalfCount)
    }

    /// The largest value that counts in the counter at `index`.
    private func highestEquivalentValue(atIndex index: Int) -> Int64 {
        var bucketIndex = (index >> subBucketHalfCountMagnitude) - 1
        var subBucketIndex = (index & (subBucketHalfCount - 1)) + subBucketHalfCount
        if bucketIndex < 0 {
            subBucketIndex -= subBucketHalfCount
            bucketIndex = 0
        }
        let lowest = Int64(subBucketIndex) << bucketIndex
        return lowest + (Int64(1) << bucketIndex) - 1
    }
}
