import ArgumentParser
import Foundation

/// The options `run` and `sweep` share: the scenario, where reports go, how much of the workload to
/// run, and which job binary runs it.
struct ScenarioRunOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("The scenario file, e.g. Scenarios/smoke.toml.", valueName: "SCENARIO"))
    var scenarioPath: String

    @Option(help: ArgumentHelp("The reports folder.", valueName: "DIR"))
    var reports = "Reports"

    @Option(help: ArgumentHelp("Run this fraction of the workload (and of the duration) in each run, above 0 and at most 1.", valueName: "FRACTION"))
    var scale: Double = 1

    @Option(help: ArgumentHelp("The sluice-job binary; by default the one beside sluice-harness.", valueName: "PATH"))
    var job: String?

    func validate() throws {
        guard scale.isFinite, scale > 0, scale <= 1 else { throw ValidationError("--scale must be a fraction above 0 and at most 1, such as 0.1, got \(scale)") }
    }

    /// The scenario, scaled; a file that cannot be read is reported as `command`'s harness error.
    func loadScenario(for command: String) throws -> Scenario {
        do {
            return try ScenarioLoader.load(path: scenarioPath).scaled(by: scale)
        } catch {
            throw Self.fail(command, "\(error)")
        }
    }

    /// The job binary `scenario` runs with.
    func jobExecutable(for scenario: Scenario) -> String { JobExecutable.path(for: scenario, override: job) }

    /// Prints `message` as `command`'s error; the harness-error exit code to throw.
    static func fail(_ command: String, _ message: String) -> ExitCode {
        FileHandle.standardError.write(Data("sluice-harness \(command): \(message)\n".utf8))
        return HarnessExitCode.harnessError.exitCode
    }
}
