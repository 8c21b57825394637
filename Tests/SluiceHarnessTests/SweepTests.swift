import Foundation
import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct SweepTests {
    private static let interval: Int64 = 1_000_000

    /// `count` batches with the given delays and processing times, µs.
    private static func batches(delays: [Int64], processing: Int64 = 400_000) -> [TrialBatch] {
        delays.map { TrialBatch(schedulingDelayMicroseconds: $0, processingMicroseconds: processing) }
    }

    @Test func steadyDelayAndShortProcessingAreSustained() {
        let batches = Self.batches(delays: [2_000, 5_000, 3_000, 4_000, 2_500, 6_000, 3_000, 5_000, 4_000])
        #expect(SustainRule.judge(batches, intervalMicroseconds: Self.interval) == .sustained)
    }

    @Test func aDelayWithinTheTenthOfTheIntervalIsSustained() {
        let batches = Self.batches(delays: [0, 0, 0, 90_000, 90_000, 90_000])
        #expect(SustainRule.judge(batches, intervalMicroseconds: Self.interval) == .sustained)
    }

    @Test func processingOverTheIntervalIsNotSustained() {
        var batches = Self.batches(delays: [1_000, 1_000, 1_000, 1_000])
        batches[2].processingMicroseconds = 1_000_001
        #expect(SustainRule.judge(batches, intervalMicroseconds: Self.interval) == .processingOverInterval(index: 2, processingMicroseconds: 1_000_001))
    }

    @Test func processingExactlyAtTheIntervalIsSustained() {
        let batches = Self.batches(delays: [1_000, 1_000, 1_000], processing: Self.interval)
        #expect(SustainRule.judge(batches, intervalMicroseconds: Self.interval) == .sustained)
    }

    @Test func growingDelayIsNotSustained() {
        let batches = Self.batches(delays: [10_000, 20_000, 30_000, 200_000, 300_000, 400_000, 600_000, 700_000, 800_000])
        let verdict = SustainRule.judge(batches, intervalMicroseconds: Self.interval)
        #expect(verdict == .growingDelay(firstMedianMicroseconds: 20_000, lastMedianMicroseconds: 700_000))
        #expect(!verdict.isSustained)
    }

    @Test func aRunWithoutBatchesIsNotSustained() {
        #expect(SustainRule.judge([], intervalMicroseconds: Self.interval) == .noBatches)
    }

    /// A fake runner: the job sustains rates up to `limit(interval)`, and records what it was asked.
    private final class FakeRunner {
        var calls: [(Duration, OrderRate)] = []
        let limit: (Duration) -> Double
        var crashAt: OrderRate?

        init(limit: @escaping (Duration) -> Double) {
            self.limit = limit
        }

        func run(_ interval: Duration, _ rate: OrderRate) -> SweepTrial {
            calls.append((interval, rate))
            let sustained = rate.ordersPerSecond <= limit(interval)
            let delays: [Int64] = sustained ? [1_000, 1_000, 1_000] : [1_000, 500_000, 900_000]
            return SweepTrial(
                batchInterval: interval, offeredRate: rate,
                batches: delays.map { TrialBatch(schedulingDelayMicroseconds: $0, processingMicroseconds: 10_000) },
                latency: LatencySummary(count: 10, p50: 200_000, p90: 300_000, p99: Int64(rate.ordersPerSecond), p999: 0, maximum: 0),
                processedRate: min(rate.ordersPerSecond, limit(interval)), exitCode: rate == crashAt ? .jobCrashed : .pass
            )
        }
    }

    private static let rates = [OrderRate(100), OrderRate(200), OrderRate(300), OrderRate(400)]

    @Test func stopsRaisingTheRateAtTheFirstFailurePerInterval() throws {
        let fake = FakeRunner { $0 == .milliseconds(100) ? 150 : 300 }
        let sweep = CapacitySweep(batchIntervals: [.milliseconds(100), .seconds(1)], rates: Self.rates.reversed())
        let rows = try sweep.run(fake.run)
        #expect(fake.calls.map(\.1.ordersPerSecond) == [100, 200, 100, 200, 300, 400])
        #expect(fake.calls.map(\.0) == [.milliseconds(100), .milliseconds(100), .seconds(1), .seconds(1), .seconds(1), .seconds(1)])
        #expect(rows.map { $0.highestSustained?.offeredRate } == [OrderRate(100), OrderRate(300)])
        #expect(rows.map { $0.firstFailure?.offeredRate } == [OrderRate(200), OrderRate(400)])
        #expect(rows[1].highestSustained?.latency.p99 == 300)
        #expect(CapacitySweep.exitCode(rows) == .pass)
    }

    @Test func recordsNoSustainedRateWhenTheLowestFails() throws {
        let fake = FakeRunner { _ in 50 }
        let rows = try CapacitySweep(batchIntervals: [.seconds(1)], rates: Self.rates).run(fake.run)
        #expect(fake.calls.count == 1)
        #expect(rows[0].highestSustained == nil)
        #expect(CapacityTable.markdown(rows)[2].contains("none"))
    }

    @Test func everyRateSustainedRunsThemAll() throws {
        let fake = FakeRunner { _ in 1_000 }
        let rows = try CapacitySweep(batchIntervals: [.seconds(2)], rates: Self.rates).run(fake.run)
        #expect(fake.calls.count == 4)
        #expect(rows[0].firstFailure == nil)
        #expect(rows[0].highestSustained?.offeredRate == OrderRate(400))
    }

    @Test func aCrashedTrialStopsItsIntervalAndSetsTheExitCode() throws {
        let fake = FakeRunner { _ in 1_000 }
        fake.crashAt = OrderRate(200)
        let rows = try CapacitySweep(batchIntervals: [.seconds(1)], rates: Self.rates).run(fake.run)
        #expect(fake.calls.count == 2)
        #expect(rows[0].highestSustained?.offeredRate == OrderRate(100))
        #expect(CapacitySweep.exitCode(rows) == .jobCrashed)
    }

    @Test func writesTheCapacityTableAndPlots() throws {
        let folder = try TemporaryFolder("sweep")
        defer { folder.remove() }
        let fake = FakeRunner { $0 == .milliseconds(100) ? 150 : 300 }
        let rows = try CapacitySweep(batchIntervals: [.milliseconds(100), .seconds(1)], rates: Self.rates).run(fake.run)
        let scenario = Scenario(name: "sweep-test", workload: .init(orders: 10), job: .init(query: .named(.countBuys)), rate: .constant(OrderRate(100)))
        try SweepReport.write(rows, scenario: scenario, folder: folder.path + "/sweep-1")
        let csv = try String(contentsOfFile: folder.path + "/sweep-1/capacity.csv", encoding: .utf8)
        #expect(csv.split(separator: "\n") == [
            "batch_interval_ms,highest_sustained_rate,p50_ms,p99_ms,stopped_by",
            "100.000,100,200.000,0.100,200/s: scheduling delay grew from a median of 1 ms to 900 ms",
            "1000.000,300,200.000,0.300,400/s: scheduling delay grew from a median of 1 ms to 900 ms",
        ])
        let summary = try String(contentsOfFile: folder.path + "/sweep-1/summary.md", encoding: .utf8)
        #expect(summary.contains("| 1 s | 300/s | 200 ms | 300 µs |"))
        #expect(summary.contains("![Capacity: sustained against offered rate](capacity.svg)"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/sweep-1/capacity.svg"))
        #expect(FileManager.default.fileExists(atPath: folder.path + "/sweep-1/capacity-latency.svg"))
    }

    @Test func trialCopiesOverrideTheIntervalAndRate() {
        let scenario = Scenario(name: "s", workload: .init(orders: 10), job: .init(query: .named(.countBuys)), rate: .ramp(from: OrderRate(1), to: OrderRate(9), over: .seconds(1)))
        let trial = scenario.withBatchInterval(.milliseconds(250)).offering(OrderRate(500))
        #expect(trial.job.batchInterval == .milliseconds(250))
        #expect(trial.rate == .constant(OrderRate(500)))
        #expect(ScenarioTrialRunner.name(.milliseconds(250), OrderRate(500)) == "250ms-at-500")
    }
}
