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

    @OptionGroup var options: ScenarioRunOptions

    func run() throws {
        let scenario = try options.loadScenario(for: "run")
        let executable = options.jobExecutable(for: scenario)
        let result: ScenarioRun.Result
        do {
            result = try ScenarioRun(scenario: scenario, reports: options.reports, jobExecutable: executable).run()
        } catch {
            throw ScenarioRunOptions.fail("run", "\(error)")
        }
        print(CheckTable.document(result.outcomes, history: "\(result.folder)/history.jsonl", notes: []))
        print("report: \(result.folder)/summary.md")
        print("result: \(result.exitCode)")
        if result.exitCode != .pass { throw result.exitCode.exitCode }
    }
}
