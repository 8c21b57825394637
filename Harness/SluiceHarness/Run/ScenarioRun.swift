import Foundation
import SluiceCore
import Synchronization

/// One run of a scenario: the replayer and the nemesis over `sluice-job`, then the checkers and the
/// report, all in `<reports>/<scenario>/<run>/`.
public struct ScenarioRun: Sendable {
    /// What a run ended with.
    public struct Result: Sendable {
        /// The report's folder.
        public var folder: String
        public var outcomes: [CheckOutcome]
        public var exitCode: HarnessExitCode
    }

    public let scenario: Scenario
    /// The reports folder, e.g. `Reports`.
    public let reports: String
    /// The `sluice-job` binary.
    public let jobExecutable: String

    public init(scenario: Scenario, reports: String, jobExecutable: String) {
        self.scenario = scenario
        self.reports = reports
        self.jobExecutable = jobExecutable
    }

    /// Runs the scenario; throws ``RunError`` (or a history or report error) when the harness cannot.
    public func run(name: String = ReportContext.runName(startedAt: Date())) throws -> Result {
        let reporter = Reporter(root: reports)
        let folder = reporter.folder(scenario: scenario.name, run: name)
        let plan = try RunPlan(scenario: scenario, folder: folder)
        let files = plan.files
        guard !files.isEmpty else { throw RunError("[rate] offers no order within the scenario's duration") }
        guard FileManager.default.isExecutableFile(atPath: jobExecutable) else { throw RunError("\(jobExecutable) is missing: build sluice-job first") }
        try FileManager.default.createDirectory(atPath: plan.inputDirectory, withIntermediateDirectories: true)
        let start = ContinuousClock.now
        let startWall = Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
        let history = try HistoryWriter(creatingAt: "\(folder)/history.jsonl", start: start)
        let replayer = Replayer(files: files, workload: plan.workload, directory: plan.inputDirectory, history: history)
        let outcome = try Self.together(replayer, start: start) {
            try Nemesis(plan: plan, executable: jobExecutable, history: history, start: start, startWall: startWall).run()
        }
        let (checked, torn) = try CheckedRun.read(historyAt: history.path)
        let outcomes = Checkers.run(checkers, over: checked)
        for outcome in outcomes { try history.append(.checkResult(outcome.checkResult)) }
        try history.close()
        let context = ReportContext(
            scenario: scenario.name, run: name, settings: scenario.reportSettings, batchIntervalMicroseconds: scenario.job.batchInterval.microseconds,
            machine: .current(allocator: jobExecutable.hasSuffix("-system-malloc") ? "glibc malloc (sluice-job-system-malloc)" : "jemalloc (sluice-job)")
        )
        let (analysis, _) = try RunAnalysis.read(historyAt: history.path)
        try reporter.write(analysis, context: context, notes: torn.map { [$0.description] } ?? [])
        let code = outcome == .crashed ? HarnessExitCode.jobCrashed : HarnessExitCode.forChecks(outcomes)
        return Result(folder: folder, outcomes: outcomes, exitCode: code)
    }

    /// The checkers the scenario asks for, and the no-unplanned-crash check always.
    private var checkers: [any Checker] {
        var checkers: [any Checker] = []
        if scenario.checks.exactlyOnce { checkers.append(ExactlyOnceChecker()) }
        if scenario.checks.prefixIntegrity { checkers.append(PrefixIntegrityChecker()) }
        if let latency = scenario.checks.latency { checkers.append(LatencyObjectiveChecker(p99LimitMicroseconds: latency.under.microseconds)) }
        checkers.append(UnplannedCrashChecker())
        return checkers
    }

    /// Runs `replayer` on a thread of its own while `body` runs here; a crashed job stops the replay.
    private static func together(_ replayer: Replayer, start: ContinuousClock.Instant, _ body: () throws -> Nemesis.Outcome) throws -> Nemesis.Outcome {
        let failure = Mutex<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            do { try replayer.run(from: start) } catch { failure.withLock { $0 = "\(error)" } }
            done.signal()
        }
        thread.start()
        let outcome: Nemesis.Outcome
        do {
            outcome = try body()
        } catch {
            replayer.cancel()
            done.wait()
            throw error
        }
        if outcome == .crashed { replayer.cancel() }
        done.wait()
        if let problem = failure.withLock({ $0 }) { throw RunError("the replayer failed: \(problem)") }
        return outcome
    }
}
