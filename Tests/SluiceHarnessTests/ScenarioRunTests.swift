import Foundation
import SluiceCore
import Testing
@testable import SluiceHarness

@Suite(.serialized) struct ScenarioRunTests {
    /// The `sluice-job` binary beside the test binary (built by `swift build --build-tests`).
    static var jobExecutable: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sluice-job").path
    }

    static func tinyCrash(sink: Scenario.Sink = .sqlite(path: nil, table: "results")) -> Scenario {
        Scenario(
            name: "tiny-crash", workload: .init(orders: 3000, seed: 1, malformedFraction: 0.001), source: .directory(linesPerFile: 200),
            job: .init(api: .structured, query: .named(.countBuys), batchInterval: .milliseconds(100), snapshotInterval: 2),
            rate: .constant(OrderRate(3000)), sink: sink, faults: .points([FaultPlan(point: .afterState, batch: BatchID(2))])
        )
    }

    @Test func aCrashAtAFaultPointRecoversExactlyOnceAndIsReported() throws {
        let reports = try TemporaryFolder("run")
        defer { reports.remove() }
        let result = try ScenarioRun(scenario: Self.tinyCrash(), reports: reports.path, jobExecutable: Self.jobExecutable).run(name: "one")
        #expect(result.exitCode == .pass)
        #expect(result.outcomes.map(\.verdict) == [.valid, .valid, .valid])
        for file in ["history.jsonl", "batches.csv", "summary.md", "latency.csv"] {
            #expect(FileManager.default.fileExists(atPath: "\(result.folder)/\(file)"), "\(file)")
        }
        let (entries, _) = try HistoryReader.readAll(at: "\(result.folder)/history.jsonl")
        let faults = entries.compactMap { if case .faultInjected(let fault) = $0.event { fault } else { nil } }
        #expect(faults.map(\.fault) == [.point(.afterState)])
        #expect(entries.contains { if case .restarted(let restart) = $0.event { restart.firstBatchMicroseconds != nil } else { false } })
        #expect(entries.contains { if case .latency = $0.event { true } else { false } })
    }

    @Test func anUnsupportedSinkIsAHarnessErrorNamingTheKey() throws {
        let reports = try TemporaryFolder("run")
        defer { reports.remove() }
        let run = ScenarioRun(scenario: Self.tinyCrash(sink: .memory), reports: reports.path, jobExecutable: Self.jobExecutable)
        #expect(throws: RunError("[sink] kind = \"memory\" is not supported by sluice-job yet (supported: sqlite)")) { try run.run(name: "one") }
    }
}
