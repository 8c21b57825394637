import Testing
@testable import SluiceHarness

@Suite struct AxisTicksTests {
    @Test(arguments: [(0.7, 1.0), (1.0, 1.0), (1.3, 2.0), (2.2, 5.0), (3.0, 5.0), (7.0, 10.0), (0.013, 0.02), (4_200.0, 5_000.0)])
    func picksNiceSteps(rough: Double, step: Double) {
        #expect(abs(AxisTicks.niceStep(atLeast: rough) - step) < step * 1e-9)
    }

    @Test func aLinearAxisStartsAndEndsOnTicks() {
        let ticks = AxisTicks(minimum: 0.4, maximum: 7.3, scale: .linear, includesZero: true)
        #expect(ticks.values == [0, 2, 4, 6, 8])
        #expect(ticks.lower == 0 && ticks.upper == 8)
        #expect(AxisTicks(minimum: 12, maximum: 61, scale: .linear).values == [10, 20, 30, 40, 50, 60, 70])
        #expect(AxisTicks(minimum: 0, maximum: 30.5, scale: .linear).values == [0, 5, 10, 15, 20, 25, 30, 35])
        #expect(AxisTicks(minimum: 0, maximum: 1_600_000, scale: .linear).values.last == 1_600_000)
    }

    @Test func aFlatOrEmptyRangeStillHasTicks() {
        let empty = AxisTicks(minimum: 0, maximum: 0, scale: .linear, includesZero: true)
        #expect(TickLabels.labels(for: empty.values) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(AxisTicks(minimum: 5, maximum: 5, scale: .linear, includesZero: true).values == [0, 1, 2, 3, 4, 5])
        #expect(AxisTicks(minimum: 5, maximum: 5, scale: .linear).values == [2, 3, 4, 5, 6, 7, 8])
        #expect(AxisTicks(minimum: .nan, maximum: .infinity, scale: .linear).values.count > 2)
    }

    @Test func aLogarithmicAxisEndsOnOneTwoOrFiveTimesAPowerOfTen() {
        #expect(AxisTicks(minimum: 0.3, maximum: 6_000, scale: .logarithmic).values == [0.2, 1, 10, 100, 1_000, 10_000])
        #expect(AxisTicks(minimum: 120, maximum: 4_000, scale: .logarithmic).values == [100, 200, 500, 1_000, 2_000, 5_000])
        #expect(AxisTicks(minimum: 800, maximum: 3_300, scale: .logarithmic).values == [500, 1_000, 2_000, 5_000])
        #expect(AxisTicks(minimum: 150, maximum: 30_000, scale: .logarithmic).values == [100, 1_000, 10_000, 50_000])
        #expect(AxisTicks(minimum: 100, maximum: 100, scale: .logarithmic).values == [100, 200])
    }

    @Test func labelsShareOneSuffixAndPrecision() {
        #expect(TickLabels.labels(for: [0, 250_000, 500_000]) == ["0", "250k", "500k"])
        #expect(TickLabels.labels(for: [0, 500_000, 1_000_000, 1_500_000]) == ["0", "0.5M", "1.0M", "1.5M"])
        #expect(TickLabels.labels(for: [0, 2_000, 4_000]) == ["0", "2000", "4000"])
        #expect(TickLabels.labels(for: [0, 20_000, 40_000]) == ["0", "20,000", "40,000"])
        #expect(TickLabels.labels(for: [0.1, 1, 10]) == ["0.1", "1.0", "10.0"])
        #expect(TickLabels.labels(for: [0.1, 0.2, 0.5, 1, 10, 100_000], sameDecimals: false) == ["0.1", "0.2", "0.5", "1", "10", "100k"])
        #expect(TickLabels.labels(for: [-2.5, 0, 2.5]) == ["-2.5", "0", "2.5"])
    }
}
