import ArgumentParser

/// The `sluice-harness` command line: workload generation, replay, fault injection and reports.
public struct HarnessCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sluice-harness",
        abstract: "Generate, replay and check Sluice streaming workloads.",
        subcommands: [DemoCommand.self, GenerateCommand.self, SplitCommand.self, ListCommand.self]
    )

    public init() {}
}
