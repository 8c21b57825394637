import ArgumentParser

/// `sluice-harness list`: the scenarios of a folder at a glance, and the files that do not parse.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the scenarios of a folder; name each file that fails to parse, with its error.",
        discussion: """
            Reads every *.toml file of DIR as a scenario (Scenarios/README.md documents the format) and \
            prints one row a scenario: its name, source, API and query, offered rate, duration, faults and \
            checks. Each file that fails to parse is listed after the table with the line, the key, the \
            value found and the form expected; then the command exits with status 1.
            """
    )

    @Option(help: ArgumentHelp("The folder of scenario files.", valueName: "DIR"))
    var directory: String = ScenarioLoader.defaultDirectory

    func run() throws {
        let listing = try listing()
        print(listing.text)
        if listing.failures > 0 { throw ExitCode(HarnessExitCode.harnessError.rawValue) }
    }

    /// The text to print, and how many files failed to parse.
    func listing() throws(ScenarioError) -> (text: String, failures: Int) {
        let entries = try ScenarioLoader.loadAll(directory: directory)
        let failures = entries.filter { if case .failure = $0.result { true } else { false } }.count
        return (ScenarioListing.render(entries, directory: directory), failures)
    }
}
