import SluiceCore
import SluiceJobs

/// A scenario as `run` carries it out with `sluice-job`: the job's query and API, its input directory,
/// sink and checkpoint inside the run's folder, and the schedule of the input. Building one refuses a
/// scenario whose source, query or sink the job cannot run yet, naming the key.
struct RunPlan: Sendable {
    let scenario: Scenario
    let query: JobQuery
    let linesPerFile: Int
    let table: String
    /// The run's folder: `history.jsonl`, the report, and `job/` with the input, sink and checkpoint.
    let folder: String

    init(scenario: Scenario, folder: String) throws(RunError) {
        guard case .directory(let linesPerFile) = scenario.source else {
            throw RunError("[source] kind = \"\(scenario.source.kind)\" is not supported by sluice-job yet (supported: directory)")
        }
        guard case .named(let named) = scenario.job.query else {
            throw RunError("[job] sql is not supported by sluice-job yet (supported: query = \(Self.queryNames))")
        }
        guard let query = JobQuery(rawValue: named.rawValue) else {
            throw RunError("[job] query = \"\(named.rawValue)\" is not supported by sluice-job yet (supported: \(Self.queryNames))")
        }
        guard case .sqlite(let path, let table) = scenario.sink else {
            throw RunError("[sink] kind = \"\(scenario.sink.kind)\" is not supported by sluice-job yet (supported: sqlite)")
        }
        if let path {
            throw RunError("[sink] path = \"\(path)\" is not supported by run yet: the SQLite sink is created in the run's folder")
        }
        self.scenario = scenario
        self.query = query
        self.linesPerFile = linesPerFile
        self.table = table
        self.folder = folder
    }

    private static var queryNames: String { JobQuery.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ") }

    var inputDirectory: String { "\(folder)/job/input" }
    var sinkPath: String { "\(folder)/job/sink.sqlite" }
    var checkpoint: String { "\(folder)/job/checkpoint" }

    /// The events file of the job's `attempt`th process (from 0): one per process, so a line torn by a
    /// kill is never followed by the next process's lines.
    func eventsPath(attempt: Int) -> String { "\(folder)/job/events-\(attempt).jsonl" }

    /// The seeded workload.
    var workload: HistoryEvent.Workload {
        HistoryEvent.Workload(scenario.workload.generatorConfiguration)
    }

    /// The input files and when each is due.
    var files: [ScheduledFile] {
        DeliverySchedule(rate: scenario.rate).files(
            orders: scenario.workload.orders, linesPerFile: linesPerFile, limit: scenario.duration.map { $0.microseconds }
        )
    }

    /// `sluice-job`'s arguments for the job's `attempt`th process.
    func jobArguments(attempt: Int) -> [String] {
        [
            "--api", scenario.job.api.rawValue, "--query", query.rawValue, "--input", inputDirectory,
            "--files-per-batch", "1000000", "--sink", "sqlite:\(sinkPath)", "--table", table, "--checkpoint", checkpoint,
            "--snapshot-interval", String(scenario.job.snapshotInterval), "--events", eventsPath(attempt: attempt),
            "--until-marker", Replayer.markerName, "--batch-interval-ms", String(max(1, scenario.job.batchInterval.microseconds / 1000)),
        ]
    }
}
