import ArgumentParser
import Foundation

/// `sluice-harness analyze`: the checkers run again on a stored run, from its history alone.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Run the checkers again on a stored run's history.",
        discussion: """
            Reads RUN_DIR/history.jsonl and the sink row files it names, generates the workload's orders \
            again from the seed its produced lines record, and runs the checkers: exactly-once (the final \
            sink is the reference answer over the input the last committed batch covers), prefix-integrity \
            (after every committed batch the sink is the answer over the prefix its offsets cover), \
            latency-objective (p99 end-to-end latency at most --latency-p99) and no-unplanned-crash (every \
            exit of the job follows an injected fault or is a clean status 0). Each answers passed, FAILED \
            or unknown, with lost, duplicated, unexpected and recovered counts and, for a failure, the \
            batch, the key and both values. The verdicts are printed as a markdown table and written to \
            RUN_DIR/checks.md; the history is never changed. Exit codes: 0 no check failed, 1 harness error \
            (a wrong option, or a history that cannot be read), 2 a check failed, 4 the job crashed outside \
            a planned fault (which wins over 2).
            """
    )

    @Argument(help: ArgumentHelp("The run's folder, holding history.jsonl, e.g. Reports/crash-points/latest.", valueName: "RUN_DIR"))
    var runDirectory: String

    @Option(help: ArgumentHelp(
        "The query whose reference answer the sink is compared with, used when no sinkRows line of the history names one: \(ReferenceQueries.names.joined(separator: " or ")).",
        valueName: "QUERY"
    ))
    var query: String?

    @Option(
        name: .customLong("latency-p99"), parsing: .unconditional,
        help: ArgumentHelp("The latency objective: the largest p99 end-to-end latency that passes, in milliseconds, more than 0.", valueName: "MS")
    )
    var latencyP99Milliseconds: Double = 1000

    @Option(help: ArgumentHelp("The checks to run, comma-separated, from \(Checkers.names.joined(separator: ", ")); all by default.", valueName: "LIST"))
    var checks: String?

    @Flag(help: "Exit with 2 also when a check cannot tell (unknown), not only when one fails.")
    var unknownFails = false

    func validate() throws {
        if let query, ReferenceQueries.named(query) == nil {
            throw ValidationError("--query must be one of \(ReferenceQueries.names.joined(separator: ", ")), got '\(query)'")
        }
        guard latencyP99Milliseconds.isFinite, latencyP99Milliseconds > 0 else {
            throw ValidationError("--latency-p99 must be a number of milliseconds above 0, such as 250 or 1000, got \(latencyP99Milliseconds)")
        }
        if let unknown = selectedNames.first(where: { !Checkers.names.contains($0) }) {
            throw ValidationError("--checks: unknown check '\(unknown)', expected a comma-separated list of \(Checkers.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let (outcomes, document) = try analyze()
        print(document)
        print("wrote \(checksPath)")
        let code = HarnessExitCode.forChecks(outcomes, unknownFails: unknownFails)
        if code != .pass { throw code.exitCode }
    }

    /// Reads the run, runs the checks, writes `checks.md`; returns the outcomes and the document.
    func analyze() throws -> (outcomes: [CheckOutcome], document: String) {
        let historyPath = "\(runDirectory)/history.jsonl"
        let (run, torn) = try CheckedRun.read(historyAt: historyPath, fallbackReference: query.flatMap(ReferenceQueries.named))
        let limit = Int64((latencyP99Milliseconds * 1000).rounded())
        let names = selectedNames
        let checkers = Checkers.all(p99LimitMicroseconds: limit).filter { names.isEmpty || names.contains($0.name) }
        let outcomes = Checkers.run(checkers, over: run)
        let document = CheckTable.document(outcomes, history: historyPath, notes: torn.map { [$0.description] } ?? [])
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: checksPath), options: .atomic)
        } catch {
            throw ReportError(path: checksPath, problem: "cannot write: \(error.localizedDescription)")
        }
        return (outcomes, document)
    }

    private var checksPath: String { "\(runDirectory)/checks.md" }

    private var selectedNames: [String] {
        (checks ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
