import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct SummaryMarkdownTests {
    private let analysis = RunAnalysis(entries: SyntheticRun().entries())

    private func summary(_ analysis: RunAnalysis, capacity: [CapacityPoint] = [], notes: [String] = []) -> String {
        SummaryMarkdown.render(analysis, context: SyntheticRun.context(capacity: capacity), plots: RunCharts.File.allCases, notes: notes)
    }

    @Test func statesTheScenarioAndTheMachine() {
        let text = summary(analysis)
        #expect(text.hasPrefix("# random-kills: run 2026-11-25T10-00-00Z\n\n**All 2 checks passed.**\n"))
        for line in [
            "| batch interval | 1 s |", "| offered rate | 20000 orders/s |", "| cores | 2 |", "| memory | 24.0 GiB |",
            "| operating system | Debian GNU/Linux 12 (bookworm) |", "| Swift | 6.3 |", "| allocator | jemalloc |",
        ] {
            #expect(text.contains(line), "missing \(line)")
        }
    }

    @Test func givesTheThroughputAndLatencyFigures() {
        let text = summary(analysis)
        let latency = analysis.latency.summary
        let row = "| \(ReportNumbers.count(latency.count)) | " + [latency.p50, latency.p90, latency.p99, latency.p999, latency.maximum]
            .map(ReportNumbers.duration).joined(separator: " | ") + " |"
        #expect(text.contains("| samples | p50 | p90 | p99 | p99.9 | max |\n| --- | --- | --- | --- | --- | --- |\n" + row))
        #expect(text.contains("| records offered | 600,000 at 20,000 records/s |"))
        #expect(text.contains("| records processed | \(ReportNumbers.count(analysis.recordsProcessed)) at "))
        #expect(text.contains("| batches committed | \(analysis.batches.count), 2 batch runs cut short by a kill |"))
        #expect(text.contains("batches over the 1 s interval"))
    }

    @Test func listsEachKillWithItsDownTimeAndFirstBatch() {
        let text = summary(analysis)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| 1 |") || $0.hasPrefix("| 2 |") }
        #expect(rows.count == 2)
        #expect(rows.first?.hasPrefix("| 1 | 8.30 s | after-state in batch 7 | signal 9 | 1.2 s | ") == true, "\(rows)")
        #expect(rows.last?.hasPrefix("| 2 | 19.60 s | random in batch ") == true, "\(rows)")
        #expect(text.contains("Longest down time 1.2 s"))
    }

    @Test func embedsThePlots() {
        let text = summary(analysis)
        for file in RunCharts.File.allCases { #expect(text.contains("](\(file.rawValue))")) }
    }

    @Test func neverShowsCredentials() {
        let text = summary(analysis, notes: ["connected with password=hunter2"])
        #expect(!text.contains("hunter2"))
        #expect(text.contains("| sink | postgres://sluice:[redacted]@localhost:5433/orders |"))
        #expect(text.contains("| sink password | [redacted] |"))
        #expect(text.contains("- connected with password=[redacted]"))
    }

    @Test(arguments: [
        ("postgres://u:p@h/db", "postgres://u:[redacted]@h/db"),
        ("host=h password='a b' user=u", "host=h password=[redacted] user=u"),
        ("PASSWORD=x;Server=y", "PASSWORD=[redacted];Server=y"),
        ("file:///tmp/a:b@c", "file:///tmp/a:b@c"),
        ("https://example.org/x", "https://example.org/x"),
    ])
    func scrubsPasswordsFromText(text: String, scrubbed: String) {
        #expect(Redaction.scrub(text) == scrubbed)
    }

    @Test func saysWhichChecksFailedAndWhenTheJobCrashedUnplanned() {
        var analysis = analysis
        let end = analysis.endTime
        analysis.add(HistoryEntry(sequence: 100_000, time: end + 1, event: .checkResult(.init(
            checker: "exactly-once", verdict: .invalid, batch: BatchID(4), detail: "batch 4, key EPE: sink 3, reference 2"
        ))))
        analysis.add(HistoryEntry(sequence: 100_001, time: end + 2, event: .processExited(.init(pid: 999, signal: 11))))
        let text = summary(analysis)
        #expect(text.contains("**FAILED: 1 of 3 checks failed.** **The job exited 1 times without a planned fault.**"))
        #expect(text.contains("| exactly-once | **FAILED** | 4 | batch 4, key EPE: sink 3, reference 2 |"))
        #expect(text.contains("| 3 | 30.90 s | unplanned exit | signal 11 | not restarted | none |"))
    }

    @Test func tabulatesASweep() {
        let text = summary(analysis, capacity: SyntheticRun.capacityPoints)
        #expect(text.contains("## Capacity"))
        #expect(text.contains("| 100 ms | 200,000 records/s | 200,000 records/s | 75 ms | 150 ms |"))
    }
}
