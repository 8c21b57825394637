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

    @OptionGroup var options: ScenarioRunOptions

    func run() throws {
        let scenario = try options.loadScenario(for: "sweep")
        guard let sweep = scenario.sweep else {
            throw ScenarioRunOptions.fail("sweep", "\(options.scenarioPath) has no [sweep] table: give it batch-intervals = [\"100ms\", \"1s\"] and rates = [\"50k/s\", \"100k/s\"]")
        }
        let folder = "\(options.reports)/\(scenario.name)/sweep-\(ReportContext.runName(startedAt: Date()))"
        let runner = ScenarioTrialRunner(scenario: scenario, folder: folder, jobExecutable: options.jobExecutable(for: scenario))
        let rows: [CapacitySweep.Row]
        do {
            rows = try CapacitySweep(sweep).run({ try runner.run(batchInterval: $0, rate: $1) }) { trial in
                print("interval \(ReportNumbers.duration(trial.batchInterval.microseconds)) at \(trial.offeredRate): \(trial.outcome)")
            }
            try SweepReport.write(rows, scenario: scenario, folder: folder)
        } catch {
            throw ScenarioRunOptions.fail("sweep", "\(error)")
        }
        print(CapacityTable.markdown(rows).joined(separator: "\n"))
        print("report: \(folder)/summary.md")
        let code = CapacitySweep.exitCode(rows)
        print("result: \(code)")
        if code != .pass { throw code.exitCode }
    }
}
