import Foundation
import SluiceTesting
import Testing
@testable import SluiceHarness

@Suite struct LatencyHistogramTests {
    /// Latencies spread log-uniformly from 1 µs to 10^`decades` µs, as real ones spread.
    private func latencies(count: Int, decades: Double, seed: UInt64) -> [Int64] {
        var generator = SeededGenerator(seed: seed)
        return (0 ..< count).map { _ in Int64(pow(10, Double.random(in: 0 ... decades, using: &generator))) }
    }

    /// The nearest-rank percentile of `sorted`, in per-mille to keep the rank exact.
    private func reference(_ sorted: [Int64], perMille: Int) -> Int64 {
        let rank = max(1, (perMille * sorted.count + 999) / 1000)
        return sorted[rank - 1]
    }

    @Test(arguments: [(UInt64(1), 20_000, 9.5), (7, 1_000, 3.0), (42, 100_003, 6.0), (99, 1, 2.0)])
    func percentilesStayWithinOnePartInAThousandAboveTheExactOnes(seed: UInt64, count: Int, decades: Double) {
        let values = latencies(count: count, decades: decades, seed: seed)
        var histogram = LatencyHistogram()
        for value in values { histogram.record(value) }
        let sorted = values.sorted()
        for perMille in [0, 1, 250, 500, 900, 990, 999, 1000] {
            let exact = reference(sorted, perMille: perMille)
            let measured = histogram.value(atPercentile: Double(perMille) / 10)
            #expect(measured >= exact && Double(measured - exact) <= Double(exact) / 1000, "p\(Double(perMille) / 10): \(measured) against \(exact)")
        }
        #expect(histogram.totalCount == Int64(count))
        #expect(histogram.maximum == sorted.last! && histogram.minimum == sorted.first!)
        #expect(histogram.summary.maximum == sorted.last!)
    }

    @Test func countsSmallValuesExactly() {
        var histogram = LatencyHistogram()
        for value in Int64(0) ..< 2048 { histogram.record(value) }
        for percentile in stride(from: 1.0, through: 100, by: 1) {
            #expect(histogram.value(atPercentile: percentile) == Int64((percentile * 2048 / 100).rounded(.up)) - 1)
        }
    }

    @Test func twoDigitsStayWithinOnePartInAHundred() {
        let values = latencies(count: 5_000, decades: 7, seed: 3)
        var histogram = LatencyHistogram(significantDigits: 2)
        for value in values { histogram.record(value) }
        let sorted = values.sorted()
        for perMille in [500, 990] {
            let exact = reference(sorted, perMille: perMille)
            let measured = histogram.value(atPercentile: Double(perMille) / 10)
            #expect(measured >= exact && Double(measured - exact) <= Double(exact) / 100)
        }
    }

    @Test func mergingEqualsRecordingEverythingInOne() {
        let values = latencies(count: 10_000, decades: 8, seed: 11)
        var whole = LatencyHistogram()
        var first = LatencyHistogram()
        var second = LatencyHistogram()
        for (index, value) in values.enumerated() {
            whole.record(value)
            if index < 3_000 { first.record(value) } else { second.record(value) }
        }
        second.record(-5)
        whole.record(-5)
        var merged = LatencyHistogram()
        merged.merge(first)
        merged.merge(second)
        merged.merge(LatencyHistogram())
        #expect(merged == whole)
        #expect(merged.summary == whole.summary)
    }

    @Test func clampsValuesOutsideTheRangeAndCountsThem() {
        var histogram = LatencyHistogram()
        histogram.record(-1)
        histogram.record(LatencyHistogram.oneHour * 2, count: 3)
        histogram.record(500)
        #expect(histogram.clampedCount == 4 && histogram.totalCount == 5)
        #expect(histogram.minimum == 0 && histogram.maximum == LatencyHistogram.oneHour)
        #expect(histogram.value(atPercentile: 100) == LatencyHistogram.oneHour)
        #expect(histogram.value(atPercentile: 20) == 0)
    }

    @Test func anEmptyHistogramAnswersZero() {
        let histogram = LatencyHistogram()
        #expect(histogram.summary == LatencySummary(count: 0, p50: 0, p90: 0, p99: 0, p999: 0, maximum: 0))
        #expect(histogram.minimum == 0)
    }

    @Test func recordsWeightedCounts() {
        var histogram = LatencyHistogram()
        histogram.record(10, count: 99)
        histogram.record(1_000_000, count: 1)
        histogram.record(7, count: 0)
        #expect(histogram.value(atPercentile: 99) == 10)
        #expect(histogram.value(atPercentile: 99.5) == 1_000_000)
        #expect(histogram.totalCount == 100)
    }
}
