import Foundation
import SluiceCore

/// The sweep's real runner: runs the scenario with `sluice-job` at one batch interval and one constant
/// rate through ``ScenarioRun``, reporting into `<folder>/<scenario>/<interval>-at-<rate>/`, and reads
/// the trial back from its history.
public struct ScenarioTrialRunner: Sendable {
    public let scenario: Scenario
    /// The sweep's folder.
    public let folder: String
    public let jobExecutable: String

    public init(scenario: Scenario, folder: String, jobExecutable: String) {
        self.scenario = scenario
        self.folder = folder
        self.jobExecutable = jobExecutable
    }

    /// Runs one trial.
    public func run(batchInterval: Duration, rate: OrderRate) throws -> SweepTrial {
        let trial = scenario.withBatchInterval(batchInterval).offering(rate)
        let result = try ScenarioRun(scenario: trial, reports: folder, jobExecutable: jobExecutable).run(name: Self.name(batchInterval, rate))
        let (analysis, _) = try RunAnalysis.read(historyAt: "\(result.folder)/history.jsonl")
        return SweepTrial(
            batchInterval: batchInterval, offeredRate: rate, batches: analysis.batches.map(TrialBatch.init),
            latency: analysis.latency.summary, processedRate: analysis.processedRate ?? 0, exitCode: result.exitCode, folder: result.folder
        )
    }

    /// A trial's run name, one folder name: `100ms-at-50000`.
    static func name(_ batchInterval: Duration, _ rate: OrderRate) -> String {
        "\(batchInterval.microseconds / 1_000)ms-at-\(String(format: "%.0f", rate.ordersPerSecond))"
    }
}
