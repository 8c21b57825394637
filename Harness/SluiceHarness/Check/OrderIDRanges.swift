/// A set of order ids (equally, line numbers of the generated input) kept as sorted, disjoint, non-adjacent
/// ranges, so the input a batch covers stays a handful of ranges however many orders it holds.
///
/// Its description is the compact form the checkers print: `1..4096, 5001`, and past
/// ``describedRangeLimit`` ranges `1..10, 12..20, …, 990..1000 (57 ranges)`.
public struct OrderIDRanges: Sendable, Hashable, CustomStringConvertible {
    /// The ranges, ascending; no two overlap or touch.
    public private(set) var ranges: [ClosedRange<Int64>]

    /// The empty set.
    public init() { ranges = [] }

    /// The ids of `ranges`, which may overlap, touch or come in any order.
    public init(_ ranges: some Sequence<ClosedRange<Int64>>) {
        self.ranges = Self.normalized(Array(ranges))
    }

    /// The ids `ids`, in any order, repeats allowed.
    public init(ids: some Sequence<Int64>) {
        self.init(ids.map { $0 ... $0 })
    }

    /// How many ids the set holds.
    public var count: Int64 { ranges.reduce(0) { $0 + $1.upperBound - $1.lowerBound + 1 } }

    public var isEmpty: Bool { ranges.isEmpty }

    /// The largest id, nil when empty.
    public var last: Int64? { ranges.last?.upperBound }

    /// Whether the set holds `id`.
    public func contains(_ id: Int64) -> Bool {
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < id { low = middle + 1 } else { high = middle }
        }
        return low < ranges.count && ranges[low].contains(id)
    }

    /// The ids in either set.
    public func union(_ other: OrderIDRanges) -> OrderIDRanges {
        OrderIDRanges(ranges + other.ranges)
    }

    /// The ids of this set that `other` lacks.
    public func subtracting(_ other: OrderIDRanges) -> OrderIDRanges {
        var result: [ClosedRange<Int64>] = []
        var otherIndex = 0
        for range in ranges {
            var start = range.lowerBound
            while otherIndex < other.ranges.count, other.ranges[otherIndex].upperBound < start { otherIndex += 1 }
            var index = otherIndex
            while start <= range.upperBound, index < other.ranges.count, other.ranges[index].lowerBound <= range.upperBound {
                let hole = other.ranges[index]
                if hole.lowerBound > start { result.append(start ... hole.lowerBound - 1) }
                start = max(start, hole.upperBound + 1)
                index += 1
            }
            if start <= range.upperBound { result.append(start ... range.upperBound) }
        }
        return OrderIDRanges(result)
    }

    /// Whether every id of `other` is in this set.
    public func isSuperset(of other: OrderIDRanges) -> Bool {
        other.subtracting(self).isEmpty
    }

    /// Ranges shown before the description shortens.
    public static let describedRangeLimit = 8

    public var description: String {
        func text(_ range: ClosedRange<Int64>) -> String {
            range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)..\(range.upperBound)"
        }
        guard !ranges.isEmpty else { return "none" }
        guard ranges.count > Self.describedRangeLimit else { return ranges.map(text).joined(separator: ", ") }
        let head = ranges.prefix(Self.describedRangeLimit - 1).map(text)
        return (head + ["…", text(ranges[ranges.count - 1])]).joined(separator: ", ") + " (\(ranges.count) ranges)"
    }

    private static func normalized(_ ranges: [ClosedRange<Int64>]) -> [ClosedRange<Int64>] {
        var merged: [ClosedRange<Int64>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound <= last.upperBound + 1 {
                merged[merged.count - 1] = last.lowerBound ... max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }
}
