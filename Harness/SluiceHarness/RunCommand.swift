import ArgumentParser
import Foundation

/// `sluice-harness run`: one scenario end to end, with its checks and report.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run one scenario: replay its workload into sluice-job, inject its faults, check and report.",
        discussion: """
            Generates the scenario's seeded workload and delivers it as files into the job's input \
            directory on a schedule fixed in advance by the offered rate (open loop; latency counts from \
            each order's scheduled time). Runs sluice-job as a child process on one checkpoint, kills it \
            at the scenario's fault points or at random times and restarts it after each kill. Everything \
            goes to REPORTS/<scenario>/<run>/history.jsonl; then the checkers run and the report \
            (summary.md, batches.csv, latency.csv, plots) is written beside it, and REPORTS/<scenario>/latest \
            points at it. Supported so far: the directory source, the count-buys and windowed-counts \
            queries, the SQLite sink. Exit codes: 0 pass, 1 harness error (a wrong option or scenario, an \
            unsupported key), 2 a check failed, 4 the job crashed outside a planned fault.
            """
    )

    @Argument(help: ArgumentHelp("The scenario file, e.g. Scenarios/smoke.toml.", valueName: "SCENARIO"))
    var scenarioPath: String

    @Option(help: ArgumentHelp("The reports folder.", valueName: "DIR"))
    var reports = "Reports"

    @Option(help: ArgumentHelp("Run this fraction of the workload (and of the duration), above 0 and at most 1.", valueName: "FRACTION"))
    var scale: Double = 1

    @Option(help: ArgumentHelp("The sluice-job binary; by default the one beside sluice-harness.", valueName: "PATH"))
    var job: String?

    func validate() throws {
        guard scale.isFinite, scale > 0, scale <= 1 else { throw ValidationError("--scale must be a fraction above 0 and at most 1, such as 0.1, got \(scale)") }
    }

    func run() throws {
        let scenario: Scenario
        do {
            scenario = try ScenarioLoader.load(path: scenarioPath).scaled(by: scale)
        } catch {
            throw Self.fail("\(error)")
        }
        let executable = JobExecutable.path(for: scenario, override: job)
        let result: ScenarioRun.Result
        do {
            result = try ScenarioRun(scenario: scenario, reports: reports, jobExecutable: executable).run()
        } catch {
            throw Self.fail("\(error)")
        }
        print(CheckTable.document(result.outcomes, history: "\(result.folder)/history.jsonl", notes: []))
        print("report: \(result.folder)/summary.md")
        print("result: \(result.exitCode)")
        if result.exitCode != .pass { throw result.exitCode.exitCode }
    }

    /// Prints `message` as the run's error; the harness-error exit code to throw.
    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("sluice-harness run: \(message)\n".utf8))
        return HarnessExitCode.harnessError.exitCode
    }
}
