import ArgumentParser
import Foundation
import Testing
@testable import SluiceHarness

/// `sluice-harness list` and the loader under it.
@Suite struct ListCommandTests {
    static let good = """
        name = "good-one"
        duration = "2s"
        [workload]
        orders = 100
        [job]
        api = "dstream"
        query = "top-clients"
        [rate]
        kind = "ramp"
        from = 0
        to = "1M/s"
        over = "2s"
        [faults]
        kind = "random-kills"
        every = "1s"
        jitter = "250ms"
        for = "2s"
        [checks.latency]
        under = "500ms"

        """

    static let bad = """
        [workload]
        orders = 100
        [job]
        query = "count-buys"
        [rate]
        kind = "constant"
        at = "fast"

        """

    @Test func isASubcommandOfTheHarnessWithScenariosAsItsDefaultFolder() throws {
        let command = try #require(try HarnessCommand.parseAsRoot(["list"]) as? ListCommand)
        #expect(command.directory == "Scenarios")
        let other = try #require(try HarnessCommand.parseAsRoot(["list", "--directory", "elsewhere"]) as? ListCommand)
        #expect(other.directory == "elsewhere")
        #expect(ListCommand.helpMessage().contains("--directory <DIR>"))
    }

    @Test func listsTheGoodFileAndTheBadOneWithItsError() throws {
        let folder = try TemporaryFolder("list")
        defer { folder.remove() }
        try folder.append(Self.good, to: "good.toml")
        try folder.append(Self.bad, to: "bad.toml")
        try folder.append("not a scenario", to: "notes.txt")
        let command = try ListCommand.parse(["--directory", folder.path])
        let listing = try command.listing()
        #expect(listing.failures == 1)
        #expect(listing.text == """
            name      source                          api/query            rate                   duration  faults                      checks
            --------  ------------------------------  -------------------  ---------------------  --------  --------------------------  ---------------------------------
            good-one  directory (10000 lines a file)  dstream/top-clients  ramp 0/s→1M/s over 2s  2s        kill every 1s±250ms for 2s  exactly-once, prefix, p99 < 500ms

            1 of 2 files in \(folder.path) failed to parse:
            \(folder.path)/bad.toml line 7: rate.at: expected a rate above 0 such as 200000 or "200k/s", got "fast"
            """)
        #expect(throws: ExitCode.failure) { try command.run() }
    }

    @Test func aFolderOfGoodFilesExitsCleanly() throws {
        let folder = try TemporaryFolder("list-good")
        defer { folder.remove() }
        try folder.append(Self.good, to: "good.toml")
        let command = try ListCommand.parse(["--directory", folder.path])
        #expect(try command.listing().failures == 0)
        try command.run()
    }

    @Test func twoFilesNamingOneScenarioAreAnErrorOnTheSecond() throws {
        let folder = try TemporaryFolder("list-twice")
        defer { folder.remove() }
        try folder.append(Self.good, to: "a.toml")
        try folder.append(Self.good, to: "b.toml")
        let entries = try ScenarioLoader.loadAll(directory: folder.path)
        #expect((try? entries[0].result.get())?.name == "good-one")
        #expect(entries[1].result == .failure(ScenarioError(
            file: folder.path + "/b.toml", key: "name", problem: .conflict("the scenario \"good-one\" is also defined by \(folder.path)/a.toml")
        )))
    }

    @Test func aMissingFileOrFolderIsNamed() {
        let file = #expect(throws: ScenarioError.self) { try ScenarioLoader.load(path: "/nonexistent/scenario.toml") }
        #expect(file?.description.hasPrefix("/nonexistent/scenario.toml: cannot read the file: ") == true, "\(String(describing: file))")
        let folder = #expect(throws: ScenarioError.self) { try ScenarioLoader.loadAll(directory: "/nonexistent") }
        #expect(folder?.description.hasPrefix("/nonexistent: cannot list the folder: ") == true, "\(String(describing: folder))")
    }
}

/// What a report states about a scenario.
@Suite struct ScenarioReportSettingsTests {
    @Test func aReportStatesEverySettingWithoutPathsOrConnectionStrings() throws {
        let scenario = try ScenarioParser.parse(ListCommandTests.good + "[sink]\nkind = \"postgres\"\nconninfo = \"password=secret\"\n", file: "good.toml")
        let settings = scenario.reportSettings
        #expect(settings.map(\.key) == ["workload", "source", "query", "batch interval", "rate", "duration", "sink", "faults", "checks", "allocator"])
        #expect(settings.first { $0.key == "sink" }?.value == "postgres results")
        #expect(settings.first { $0.key == "workload" }?.value == "100 orders, seed 20160322, malformed 0, late 0.03")
        #expect(!settings.contains { $0.value.contains("secret") })
    }
}
