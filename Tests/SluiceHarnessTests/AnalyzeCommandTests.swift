import ArgumentParser
import Foundation
import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct AnalyzeCommandTests {
    /// A run folder holding `events` as its `history.jsonl`.
    static func storedRun(_ events: [HistoryEvent], name: String = "analyze") throws -> TemporaryFolder {
        let folder = try TemporaryFolder(name)
        let writer = try HistoryWriter(creatingAt: folder.path + "/history.jsonl")
        for (index, event) in events.enumerated() { try writer.append(event, at: Int64(index) * 1000) }
        try writer.close()
        return folder
    }

    /// Runs `analyze` with `arguments` after the folder; returns the exit code `run()` ends with.
    static func exitCode(_ folder: TemporaryFolder, _ arguments: [String] = []) throws -> Int32 {
        let command = try AnalyzeCommand.parse([folder.path] + arguments)
        do {
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        }
    }

    static func history(_ folder: TemporaryFolder) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: folder.path + "/history.jsonl"))
    }

    static func checks(_ folder: TemporaryFolder) throws -> String {
        try String(contentsOfFile: folder.path + "/checks.md", encoding: .utf8)
    }

    @Test func aCorrectRunPassesAndLeavesTheHistoryAlone() throws {
        let folder = try Self.storedRun(CheckFixture(killedBatch: 1).events())
        defer { folder.remove() }
        let before = try Self.history(folder)
        #expect(try Self.exitCode(folder) == HarnessExitCode.pass.rawValue)
        #expect(try Self.history(folder) == before)
        let checks = try Self.checks(folder)
        #expect(checks.contains("**All 4 checks passed.**"))
        #expect(checks.contains("| check | verdict | batch | lost | duplicated | unexpected | recovered | detail |"))
        for name in Checkers.names { #expect(checks.contains("| \(name) | passed |"), "\(name) in\n\(checks)") }
    }

    @Test func aPlantedDuplicateFailsWithTheCheckFailedCode() throws {
        let fixture = CheckFixture()
        let buys = CheckFixture.count(buy: true, in: fixture.rows(throughBatch: 3))
        let folder = try Self.storedRun(CheckFixture.planting(in: 3, fixture.events()) { CheckFixture.adding(12, toBuy: true, in: $0) })
        defer { folder.remove() }
        #expect(try Self.exitCode(folder) == HarnessExitCode.checkFailed.rawValue)
        let checks = try Self.checks(folder)
        #expect(checks.contains("**FAILED: 2 of 4 checks failed.**"))
        #expect(checks.contains("| exactly-once | **FAILED** | 3 | 0 | 12 | 0 | 0 | batch 3, key (buy=true): expected \(buys), found \(buys + 12) (counted twice?);"))
    }

    @Test func anUnplannedCrashWinsOverAFailedCheck() throws {
        var events = CheckFixture.planting(in: 3, CheckFixture().events()) { CheckFixture.adding(1, toBuy: true, in: $0) }
        events.append(.processExited(.init(pid: 77, signal: 11)))
        let folder = try Self.storedRun(events)
        defer { folder.remove() }
        #expect(try Self.exitCode(folder) == HarnessExitCode.jobCrashed.rawValue)
    }

    @Test func readsSinkRowsFromTheFilesTheHistoryNames() throws {
        let fixture = CheckFixture(query: .windowedCounts)
        let folder = try TemporaryFolder("analyze-files")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/sink", withIntermediateDirectories: true)
        let events = try fixture.events().map { event -> HistoryEvent in
            guard case .sinkRows(var sinkRows) = event, case .rows(let rows) = sinkRows.content else { return event }
            let path = "sink/batch-\(sinkRows.batch).jsonl"
            let lines = try rows.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) + "\n" }
            try folder.append(lines.joined(), to: path)
            sinkRows.content = .path(path)
            return .sinkRows(sinkRows)
        }
        let writer = try HistoryWriter(creatingAt: folder.path + "/history.jsonl")
        for event in events { try writer.append(event) }
        try writer.close()
        let (outcomes, _) = try AnalyzeCommand.parse([folder.path]).analyze()
        #expect(outcomes.map(\.verdict) == [.valid, .valid, .valid, .valid], "\(outcomes.map(\.detail))")
    }

    @Test func aMissingSinkRowFileIsAHarnessError() throws {
        let events = CheckFixture().events().map { event -> HistoryEvent in
            guard case .sinkRows(var sinkRows) = event else { return event }
            sinkRows.content = .path("sink/gone.jsonl")
            return .sinkRows(sinkRows)
        }
        let folder = try Self.storedRun(events)
        defer { folder.remove() }
        let error = #expect(throws: HistoryError.self) { try AnalyzeCommand.parse([folder.path]).analyze() }
        #expect(error?.description == "\(folder.path)/sink/gone.jsonl: cannot read the sink row file")
        #expect(HarnessCommand.exitCode(for: error!).rawValue == HarnessExitCode.harnessError.rawValue)
    }

    @Test func aMissingHistoryIsAHarnessError() throws {
        let folder = try TemporaryFolder("analyze-empty")
        defer { folder.remove() }
        let error = #expect(throws: HistoryError.self) { try AnalyzeCommand.parse([folder.path]).run() }
        #expect(error?.description == "\(folder.path)/history.jsonl: cannot open for reading")
        #expect(HarnessCommand.exitCode(for: error!).rawValue == HarnessExitCode.harnessError.rawValue)
    }

    @Test func runsOnlyTheChecksAskedForWithTheirLimit() throws {
        let folder = try Self.storedRun(CheckFixture().events())
        defer { folder.remove() }
        #expect(try Self.exitCode(folder, ["--checks", "latency-objective", "--latency-p99", "50"]) == HarnessExitCode.checkFailed.rawValue)
        let checks = try Self.checks(folder)
        #expect(checks.contains("| latency-objective | **FAILED** | 3 | - | - | - | - | p99 latency: expected at most 50 ms, found 130 ms;"))
        #expect(!checks.contains("exactly-once"))
    }

    @Test func unknownFailsOnlyWhenAskedTo() throws {
        let folder = try Self.storedRun(CheckFixture().events().filter { if case .latency = $0 { false } else { true } })
        defer { folder.remove() }
        #expect(try Self.exitCode(folder) == HarnessExitCode.pass.rawValue)
        #expect(try Self.checks(folder).contains("**3 of 4 checks passed, 1 could not tell.**"))
        #expect(try Self.exitCode(folder, ["--unknown-fails"]) == HarnessExitCode.checkFailed.rawValue)
    }

    @Test func usesTheGivenQueryWhenTheHistoryNamesNone() throws {
        let events = CheckFixture().events().map { event -> HistoryEvent in
            guard case .sinkRows(var rows) = event else { return event }
            rows.query = nil
            return .sinkRows(rows)
        }
        let folder = try Self.storedRun(events)
        defer { folder.remove() }
        #expect(try Self.exitCode(folder, ["--unknown-fails"]) == HarnessExitCode.checkFailed.rawValue)
        #expect(try Self.exitCode(folder, ["--unknown-fails", "--query", "count-buys"]) == HarnessExitCode.pass.rawValue)
    }

    @Test(arguments: [
        (["--query", "top-stocks"], "--query must be one of count-buys, windowed-counts, got 'top-stocks'"),
        (["--latency-p99", "0"], "--latency-p99 must be a number of milliseconds above 0, such as 250 or 1000, got 0.0"),
        (["--latency-p99", "soon"], "The value 'soon' is invalid for '--latency-p99 <MS>'"),
        (["--checks", "exactly-once,speed"], "--checks: unknown check 'speed', expected a comma-separated list of exactly-once, prefix-integrity"),
        ([], "Missing expected argument '<RUN_DIR>'"),
    ])
    func refusesBadValuesNamingTheOption(arguments: [String], message: String) {
        let withFolder = arguments.isEmpty ? [] : ["run"] + arguments
        let error = #expect(throws: (any Error).self) { try AnalyzeCommand.parse(withFolder) }
        #expect(error.map { AnalyzeCommand.message(for: $0) }?.contains(message) == true, "\(error.map { AnalyzeCommand.message(for: $0) } ?? "")")
    }

    @Test func explainsEveryOptionInItsHelp() {
        let help = AnalyzeCommand.helpMessage()
        for option in ["<RUN_DIR>", "--query <QUERY>", "--latency-p99 <MS>", "--checks <LIST>", "--unknown-fails", "checks.md", "Exit codes"] {
            #expect(help.contains(option), "\(option) missing from:\n\(help)")
        }
    }

    @Test func isASubcommandOfTheHarness() throws {
        #expect(try HarnessCommand.parseAsRoot(["analyze", "Reports/x/latest"]) is AnalyzeCommand)
    }
}
