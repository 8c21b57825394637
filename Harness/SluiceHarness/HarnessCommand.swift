import ArgumentParser
import Foundation

/// The `sluice-harness` command line: workload generation, replay, fault injection, checks and reports.
public struct HarnessCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sluice-harness",
        abstract: "Generate, replay and check Sluice streaming workloads.",
        discussion: "Exit codes: \(HarnessExitCode.allCases.map { "\($0.rawValue) \($0)" }.joined(separator: ", ")).",
        subcommands: [RunCommand.self, SweepCommand.self, ListCommand.self, AnalyzeCommand.self, CompareCommand.self, DemoCommand.self, GenerateCommand.self, SplitCommand.self]
    )

    public init() {}

    /// Runs the command line and exits with a ``HarnessExitCode``: a wrong option is a harness error
    /// (1), not ArgumentParser's usual 64.
    public static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(HarnessExitCode.harnessError.rawValue)
        }
    }
}
