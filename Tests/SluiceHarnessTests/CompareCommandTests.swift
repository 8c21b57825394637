import ArgumentParser
import Foundation
import Testing
@testable import SluiceHarness

@Suite struct CompareCommandTests {
    /// Runs `compare` on the two folders and `arguments`; returns the exit code `run()` ends with.
    static func exitCode(_ baseline: String, _ candidate: String, _ arguments: [String] = []) throws -> Int32 {
        let command = try CompareCommand.parse([baseline, candidate] + arguments)
        do {
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        }
    }

    /// The text `compare` prints for the two folders.
    static func output(_ baseline: String, _ candidate: String, _ arguments: [String] = []) throws -> String {
        try CompareCommand.parse([baseline, candidate] + arguments).compare().text
    }

    /// The message a parse of `arguments` fails with.
    static func parseError(_ arguments: [String]) -> String {
        do {
            _ = try CompareCommand.parse(["a", "b"] + arguments)
            return ""
        } catch {
            return CompareCommand.message(for: error)
        }
    }

    @Test func equalRunsPass() throws {
        let baseline = try CompareFixture().write("base")
        let candidate = try CompareFixture().write("candidate")
        defer { baseline.remove(); candidate.remove() }
        #expect(try Self.exitCode(baseline.path, candidate.path) == HarnessExitCode.pass.rawValue)
        let text = try Self.output(baseline.path, candidate.path)
        #expect(text.contains("**No regression: all 10 figures within their tolerance.**"))
        #expect(text.contains("| figure | baseline | candidate | change | tolerance | verdict |"))
        #expect(text.contains("| throughput (rows/s) | 10,000 | 10,000 | +0.0% | -10% | ✓ |"))
        #expect(text.contains("| latency p99 (ms) | 252.000 | 252.000 | +0.0% | +20% | ✓ |"))
        #expect(text.contains("tolerances: the defaults"))
    }

    @Test func aPlantedThroughputDropBeyondItsToleranceIsARegression() throws {
        let baseline = try CompareFixture().write("base")
        let candidate = try CompareFixture(intervalMicroseconds: 312_500).write("slow")
        defer { baseline.remove(); candidate.remove() }
        #expect(try Self.exitCode(baseline.path, candidate.path) == HarnessExitCode.performanceRegression.rawValue)
        let text = try Self.output(baseline.path, candidate.path)
        #expect(text.contains("**Regression: throughput (rows/s) worse than its tolerance.**"))
        #expect(text.contains("| throughput (rows/s) | 10,000 | 8,000 | -20.0% | -10% | ✗ |"))
    }

    @Test func aPlantedP99RiseBeyondItsToleranceIsARegression() throws {
        let baseline = try CompareFixture().write("base")
        var late = CompareFixture()
        late.latency.p99 = 315_000
        let candidate = try late.write("late")
        defer { baseline.remove(); candidate.remove() }
        #expect(try Self.exitCode(baseline.path, candidate.path) == HarnessExitCode.performanceRegression.rawValue)
        let text = try Self.output(baseline.path, candidate.path)
        #expect(text.contains("**Regression: latency p99 (ms) worse than its tolerance.**"))
        #expect(text.contains("| latency p99 (ms) | 252.000 | 315.000 | +25.0% | +20% | ✗ |"))
        #expect(text.contains("| latency p90 (ms) | 230.000 | 230.000 | +0.0% | +20% | ✓ |"))
    }

    @Test func changesWithinTheirToleranceOrAWiderFlagPass() throws {
        let baseline = try CompareFixture().write("base")
        let within = try CompareFixture(intervalMicroseconds: 270_000).scalingLatency(by: 1.15).write("within")
        let late = try CompareFixture().scalingLatency(by: 1.25).write("late")
        defer { baseline.remove(); within.remove(); late.remove() }
        #expect(try Self.exitCode(baseline.path, within.path) == HarnessExitCode.pass.rawValue)
        #expect(try Self.exitCode(baseline.path, late.path, ["--p50-rise", "30%", "--p90-rise", "+30%", "--p99-rise", "30%"]) == HarnessExitCode.pass.rawValue)
        #expect(try Self.output(baseline.path, late.path, ["--p99-rise", "30%"]).contains("tolerances: --p99-rise, else the defaults"))
    }

    @Test func theScenarioGivesTheTolerancesAndAFlagOverridesOne() throws {
        let baseline = try CompareFixture().write("base")
        let late = try CompareFixture().scalingLatency(by: 1.4).write("late")
        let scenario = try TemporaryFolder("compare-scenario")
        defer { baseline.remove(); late.remove(); scenario.remove() }
        try scenario.append("""
            name = "wide"
            [workload]
            orders = 1000
            [job]
            query = "count-buys"
            [rate]
            kind = "constant"
            at = "10k/s"
            [tolerances]
            p50 = "+50%"
            p90 = "+50%"
            p99 = "+50%"
            p999 = "+50%"

            """, to: "wide.toml")
        let path = scenario.path + "/wide.toml"
        #expect(try Self.exitCode(baseline.path, late.path, ["--scenario", path]) == HarnessExitCode.pass.rawValue)
        #expect(try Self.exitCode(baseline.path, late.path, ["--scenario", path, "--p99-rise", "20%"]) == HarnessExitCode.performanceRegression.rawValue)
        #expect(try Self.output(baseline.path, late.path, ["--scenario", path]).contains("tolerances: [tolerances] of \(path)"))
    }

    @Test func reportFilesGivenDirectlyCompareTheirOwnFigures() throws {
        let baseline = try CompareFixture().write("base")
        let late = try CompareFixture().scalingLatency(by: 1.25).write("late")
        defer { baseline.remove(); late.remove() }
        #expect(try Self.exitCode(baseline.path + "/batches.csv", late.path + "/batches.csv") == HarnessExitCode.pass.rawValue)
        #expect(try Self.exitCode(baseline.path + "/latency.csv", late.path + "/latency.csv") == HarnessExitCode.performanceRegression.rawValue)
        let text = try Self.output(baseline.path + "/latency.csv", late.path)
        #expect(text.contains("Not compared, missing from a run: throughput (rows/s), processing time mean (ms)"))
        #expect(throws: CompareError.self) { try Self.output(baseline.path + "/latency.csv", late.path + "/batches.csv") }
    }

    @Test func malformedCSVNamesTheFileTheLineAndTheColumn() throws {
        let baseline = try CompareFixture().write("base")
        let candidate = try CompareFixture().write("malformed")
        defer { baseline.remove(); candidate.remove() }
        let batches = candidate.path + "/batches.csv"
        var lines = try String(contentsOfFile: batches, encoding: .utf8).components(separatedBy: "\n")
        var fields = lines[3].components(separatedBy: ",")
        fields[4] = "fast"
        lines[3] = fields.joined(separator: ",")
        try lines.joined(separator: "\n").write(toFile: batches, atomically: true, encoding: .utf8)
        let error = #expect(throws: CompareError.self) { try Self.output(baseline.path, candidate.path) }
        #expect(error?.description == "\(batches) line 4, column processing_ms: expected a number of milliseconds, such as 120.500, got \"fast\"")

        try candidate.append("1,2\n", to: "latency.csv")
        let latency = #expect(throws: CompareError.self) { try RunFigures.read(path: candidate.path + "/latency.csv") }
        #expect(latency?.description == "\(candidate.path)/latency.csv line 3: expected 6 fields as in the header (samples,p50_ms,p90_ms,p99_ms,p99.9_ms,max_ms), got 2")
    }

    @Test func aMissingRunIsAHarnessErrorNamingThePath() throws {
        let baseline = try CompareFixture().write("base")
        let empty = try TemporaryFolder("compare-empty")
        defer { baseline.remove(); empty.remove() }
        let missing = #expect(throws: CompareError.self) { try Self.output(baseline.path, empty.path + "/nothing") }
        #expect(missing?.description.hasPrefix("\(empty.path)/nothing: no such folder or file") == true)
        let bare = #expect(throws: CompareError.self) { try Self.output(baseline.path, empty.path) }
        #expect(bare?.description == "\(empty.path): holds neither batches.csv nor latency.csv; expected a run folder such as Reports/smoke/latest")
    }

    @Test(arguments: [
        (["--p99-rise", "fast"], "--p99-rise: expected a rise such as 20% or +20%, got \"fast\""),
        (["--p99-rise", "-20%"], "--p99-rise: expected a rise such as 20% or +20%, got \"-20%\""),
        (["--p50-rise", "20"], "--p50-rise: expected a rise such as 20% or +20%, got \"20\""),
        (["--throughput-drop", "+10%"], "--throughput-drop: expected a drop of at most 100% such as 10% or -10%, got \"+10%\""),
        (["--throughput-drop", "150%"], "--throughput-drop: expected a drop of at most 100% such as 10% or -10%, got \"150%\""),
        (["--noise-floor-ms", "-1"], "--noise-floor-ms: expected a number of milliseconds of 0 or more"),
    ])
    func aWrongToleranceFlagNamesTheFlagAndTheForm(arguments: [String], message: String) {
        #expect(Self.parseError(arguments).contains(message), "\(Self.parseError(arguments))")
    }

    @Test func toleranceFlagsReadSignedAndUnsignedPercentages() throws {
        let command = try CompareCommand.parse(["a", "b", "--throughput-drop", "-15%", "--p999-rise", "+35%", "--max-rise", "60%"])
        let tolerances = try command.tolerances.applied(to: Scenario.Tolerances())
        #expect(tolerances == Scenario.Tolerances(throughputDrop: 0.15, p999Rise: 0.35, maxRise: 0.60))
    }

    @Test func helpExplainsEveryOption() {
        let help = CompareCommand.helpMessage(columns: 200)
        for option in ["BASELINE", "CANDIDATE", "--scenario", "--throughput-drop", "--p50-rise", "--p90-rise", "--p99-rise", "--p999-rise", "--max-rise", "--noise-floor-ms"] {
            #expect(help.contains(option), "\(option) missing from\n\(help)")
        }
        #expect(help.contains("3 performance regression"))
    }

    @Test func theRootCommandListsCompare() {
        #expect(HarnessCommand.helpMessage(columns: 200).contains("compare"))
    }
}
