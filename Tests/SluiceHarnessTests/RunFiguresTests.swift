import Foundation
import Testing
@testable import SluiceHarness

@Suite struct RunFiguresTests {
    /// The package's root, where `Reports/` and `Scenarios/` are.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func theFiguresOfAReportFolder() throws {
        let folder = try CompareFixture().write("figures")
        defer { folder.remove() }
        let figures = try RunFigures.read(folder: folder.path)
        let batches = try #require(figures.batches)
        #expect(batches.batchCount == 20)
        #expect(batches.rowsPerSecond == 10_000)
        #expect(batches.processingMean == 42)
        #expect(batches.processingP50 == 42)
        #expect(batches.processingP99 == 44)
        #expect(batches.schedulingDelayP99 == 2)
        #expect(figures.latency == LatencyFigures(samples: 50_000, p50: 130, p90: 230, p99: 252, p999: 255, maximum: 257))
        #expect(figures.value(of: .throughput) == 10_000)
    }

    @Test func throughputComesFromThroughputCSVWhenBatchesLackTriggerTimes() throws {
        let folder = try TemporaryFolder("compare-throughput")
        defer { folder.remove() }
        try folder.append("""
            batch,trigger_time_ms,rows,scheduling_delay_ms,processing_ms,total_delay_ms,state_rows,late_rows_dropped,malformed_lines
            0,,,0.250,120.500,120.750,40,0,3

            """, to: "batches.csv")
        try folder.append("second,offered_records,processed_records\n0,5000,0\n1,5000,4000\n2,5000,0\n3,5000,8000\n", to: "throughput.csv")
        let figures = try RunFigures.read(folder: folder.path)
        #expect(figures.batches?.rowsPerSecond == nil)
        #expect(figures.value(of: .throughput) == 4_000)
        #expect(figures.latency == nil)
    }

    @Test(arguments: [(50.0, 5.0), (99.0, 10.0), (90.0, 9.0), (10.0, 1.0), (0.0, 1.0)])
    func percentilesAreNearestRank(percent: Double, expected: Double) {
        #expect(BatchFigures.percentile(percent, ofSorted: (1 ... 10).map(Double.init)) == expected)
    }

    @Test func timesUnderTheNoiseFloorPassWhateverTheirRatio() {
        let baseline = RunFigures(source: "a", latency: LatencyFigures(samples: 10, p50: 0.2, p90: 0.3, p99: 0.4, p999: 0.5, maximum: 0.6))
        let candidate = RunFigures(source: "b", latency: LatencyFigures(samples: 10, p50: 0.8, p90: 0.9, p99: 1.0, p999: 1.5, maximum: 1.6))
        let verdict = RegressionVerdict(baseline: baseline, candidate: candidate)
        #expect(verdict.regressions == [.latencyP999, .latencyMax])
        #expect(verdict.comparisons.filter(\.underNoiseFloor).map(\.figure) == [.latencyP50, .latencyP90, .latencyP99])
        #expect(RegressionVerdict(baseline: baseline, candidate: candidate, noiseFloorMilliseconds: 2).exitCode == .pass)
    }

    @Test func aChangeExactlyAtItsToleranceIsNoRegression() {
        let baseline = RunFigures(source: "a", latency: LatencyFigures(samples: 10, p50: 100, p90: 100, p99: 100, p999: 100, maximum: 100))
        let candidate = RunFigures(source: "b", latency: LatencyFigures(samples: 10, p50: 120, p90: 120, p99: 120, p999: 130, maximum: 150))
        #expect(RegressionVerdict(baseline: baseline, candidate: candidate).exitCode == .pass)
    }

    @Test func theCommittedBaselineReadsAndPassesAgainstItself() throws {
        let baseline = try RunFigures.read(folder: Self.packageRoot + "/Reports/baseline")
        #expect(baseline.batches?.batchCount == 8)
        #expect((baseline.value(of: .throughput) ?? 0) > 5_000, "the smoke run offers 10k orders/s")
        #expect(baseline.latency?.samples == 4_000)
        let tolerances = try ScenarioLoader.load(path: Self.packageRoot + "/Scenarios/smoke.toml").tolerances
        let verdict = RegressionVerdict(baseline: baseline, candidate: baseline, tolerances: tolerances)
        #expect(verdict.exitCode == .pass)
        #expect(verdict.notCompared.isEmpty)
        let readme = try String(contentsOfFile: Self.packageRoot + "/Reports/baseline/README.md", encoding: .utf8)
        #expect(readme.contains("## How to refresh it"))
    }
}
