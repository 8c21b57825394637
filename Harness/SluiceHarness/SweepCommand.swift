import ArgumentParser
import Foundation

/// `sluice-harness sweep`: capacity planning, the lecture's "Setting the Right Batch Size", computed.
struct SweepCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep",
        abstract: "Find, for each batch interval of a scenario's [sweep], the highest offered rate the job sustains.",
        discussion: """
            For each of the scenario's sweep.batch-intervals, runs the scenario (as `run` does, with its \
            checks and report) at each of sweep.rates as a constant offered rate, lowest first, and stops \
            at the first rate the job does not sustain. A rate is sustained when the run passes its checks, \
            no batch's processing time exceeds the interval, and the median scheduling delay of the last \
            third of the batches is at most 1.5 × the first third's plus a tenth of the interval. Writes \
            REPORTS/<scenario>/sweep-<time>/ with capacity.csv, summary.md (the capacity table, every \
            trial) and the capacity plots, each trial's report below it, and prints the table. Exit codes: \
            0 pass, 1 harness error (a wrong option, a scenario without [sweep], a run that cannot start), \
            2 a trial failed a check, 4 the job crashed outside a planned fault in a trial.
            """
    )

    @Argument(help: ArgumentHelp("The scenario file with a [sweep] table, e.g. Scenarios/capacity-sweep.toml.", valueName: "SCENARIO"))
    var scenarioPath: String

    @Option(help: ArgumentHelp("The reports folder.", valueName: "DIR"))
    var reports = "Reports"

    @Option(help: ArgumentHelp("Run this fraction of the workload (and of the duration) in each trial, above 0 and at most 1.", valueName: "FRACTION"))
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
        guard let sweep = scenario.sweep else {
            throw Self.fail("\(scenarioPath) has no [sweep] table: give it batch-intervals = [\"100ms\", \"1s\"] and rates = [\"50k/s\", \"100k/s\"]")
        }
        let folder = "\(reports)/\(scenario.name)/sweep-\(ReportContext.runName(startedAt: Date()))"
        let runner = ScenarioTrialRunner(scenario: scenario, folder: folder, jobExecutable: JobExecutable.path(for: scenario, override: job))
        let rows: [CapacitySweep.Row]
        do {
            rows = try CapacitySweep(sweep).run({ try runner.run(batchInterval: $0, rate: $1) }) { trial in
                print("interval \(ReportNumbers.duration(trial.batchInterval.microseconds)) at \(trial.offeredRate): \(trial.outcome)")
            }
            try SweepReport.write(rows, scenario: scenario, folder: folder)
        } catch {
            throw Self.fail("\(error)")
        }
        print(CapacityTable.markdown(rows).joined(separator: "\n"))
        print("report: \(folder)/summary.md")
        let code = CapacitySweep.exitCode(rows)
        print("result: \(code)")
        if code != .pass { throw code.exitCode }
    }

    /// Prints `message` as the sweep's error; the harness-error exit code to throw.
    private static func fail(_ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("sluice-harness sweep: \(message)\n".utf8))
        return HarnessExitCode.harnessError.exitCode
    }
}
