import Foundation
import Testing
@testable import SluiceHarness

@Suite struct ReporterTests {
    @Test func writesEveryFileAndPointsLatestAtTheRun() throws {
        let root = try TemporaryFolder("reports")
        defer { root.remove() }
        let reporter = Reporter(root: root.path)
        let analysis = RunAnalysis(entries: SyntheticRun().entries())
        let folder = try reporter.write(analysis, context: SyntheticRun.context(run: "first", capacity: SyntheticRun.capacityPoints))
        #expect(folder == root.path + "/random-kills/first")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files == [
            "batches.csv", "capacity-latency.svg", "capacity.svg", "latency-per-second.csv", "latency.csv", "latency.svg",
            "processing.svg", "summary.md", "throughput.csv", "throughput.svg",
        ])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root.path + "/random-kills/latest") == "first")

        try reporter.write(analysis, context: SyntheticRun.context(run: "second"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root.path + "/random-kills/latest") == "second")
        #expect(!FileManager.default.fileExists(atPath: root.path + "/random-kills/second/capacity.svg"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path + "/random-kills").sorted() == ["first", "latest", "second"])
        let csv = try String(contentsOfFile: root.path + "/random-kills/latest/batches.csv", encoding: .utf8)
        #expect(csv == BatchesCSV.render(analysis.batches))
    }

    @Test func reportsAStoredHistoryAndNotesItsTornLine() throws {
        let root = try TemporaryFolder("reports")
        defer { root.remove() }
        let reporter = Reporter(root: root.path)
        let context = SyntheticRun.context(run: "stored")
        let folder = reporter.folder(scenario: context.scenario, run: context.run)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let writer = try HistoryWriter(creatingAt: folder + "/history.jsonl")
        for entry in SyntheticRun().entries() { try writer.append(entry.event, at: entry.time) }
        try writer.close()
        try TemporaryFolder.appendRaw(#"{"batch":3"#, toFileAt: folder + "/history.jsonl")

        try reporter.writeReport(historyAt: folder + "/history.jsonl", context: context)
        let summary = try String(contentsOfFile: folder + "/summary.md", encoding: .utf8)
        #expect(summary.contains("## Notes\n\n- \(folder)/history.jsonl line "))
        #expect(summary.contains("torn last line (10 bytes, no newline) skipped"))
        #expect(FileManager.default.fileExists(atPath: folder + "/history.jsonl"))
    }

    @Test(arguments: ["", ".", "..", "a/b", ".hidden", "latest"])
    func refusesNamesThatAreNotOneFolder(name: String) throws {
        let root = try TemporaryFolder("reports")
        defer { root.remove() }
        let error = #expect(throws: ReportError.self) {
            try Reporter(root: root.path).write(RunAnalysis(), context: SyntheticRun.context(run: name))
        }
        #expect(error?.problem.hasPrefix("a run name must be one folder name") == true)
    }

    @Test func writesAReportOfAnEmptyHistory() throws {
        let root = try TemporaryFolder("reports")
        defer { root.remove() }
        let folder = try Reporter(root: root.path).write(RunAnalysis(), context: SyntheticRun.context(run: "empty"))
        let summary = try String(contentsOfFile: folder + "/summary.md", encoding: .utf8)
        #expect(summary.contains("**No checks ran.**") && summary.contains("The job ran without a kill or an exit."))
        for plot in ["latency.svg", "throughput.svg", "processing.svg"] {
            _ = try SVGInspector(try String(contentsOfFile: folder + "/" + plot, encoding: .utf8))
        }
    }

    /// With `SLUICE_REPORT_PREVIEW=DIR`, writes the synthetic two-kill run's report into DIR to look at.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SLUICE_REPORT_PREVIEW"] != nil))
    func writesAPreview() throws {
        let root = try #require(ProcessInfo.processInfo.environment["SLUICE_REPORT_PREVIEW"])
        let folder = try Reporter(root: root).write(
            RunAnalysis(entries: SyntheticRun().entries()), context: SyntheticRun.context(run: "preview", capacity: SyntheticRun.capacityPoints)
        )
        print("report preview in \(folder)")
    }
}
