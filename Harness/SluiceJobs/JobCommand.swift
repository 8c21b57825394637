import ArgumentParser
import Foundation

/// `sluice-job`: one checkpointed order job, run until its input directory is used up (or, with
/// `--until-marker`, until a marker file appears in it). The harness's
/// nemesis and the crash tests run it as a child process and kill it (`SLUICE_FAULT=POINT@BATCH`).
public struct JobCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "sluice-job",
        abstract: "Run one checkpointed order query over a directory of order files into a transactional table.",
        discussion: """
        Reads the files in --input (each once, in name order, --files-per-batch per batch), runs --query \
        with --api, upserts the result rows into --table of --sink, and checkpoints to --checkpoint. \
        Started again on the same checkpoint it continues where it stopped, exactly once. Set \
        SLUICE_FAULT=POINT@BATCH to be killed (SIGKILL) at a fault point: after-offsets, after-state, \
        inside-sink-transaction, after-sink-commit, during-snapshot. With --until-marker NAME the job \
        keeps waiting for files, running a round of batches every --batch-interval-ms, until a file NAME \
        appears in --input (start NAME with '_' or '.' so it is not read as orders). With --events PATH it \
        appends one JSON line per committed batch to PATH: batch, trigger/start/commit times (µs since \
        the epoch), rows, state rows, late rows dropped, malformed lines and the slice's end offsets.
        """
    )

    @Option(help: "structured or dstream.")
    var api: String = "structured"

    @Option(help: "count-buys or windowed-counts.")
    var query: String = "count-buys"

    @Option(help: "The directory of order files.")
    var input: String

    @Option(help: "Files per batch, at least 1.")
    var filesPerBatch = 1

    @Option(help: "sqlite:PATH or postgres:CONNINFO.")
    var sink: String

    @Option(help: "The result table.")
    var table = "results"

    @Option(help: "The checkpoint directory.")
    var checkpoint: String

    @Option(help: "A full state snapshot every this many batches, at least 1.")
    var snapshotInterval = 10

    @Option(help: ArgumentHelp("Append one JSON line per committed batch to this file.", valueName: "PATH"))
    var events: String?

    @Option(help: ArgumentHelp("Wait for files until a file of this name appears in --input.", valueName: "NAME"))
    var untilMarker: String?

    @Option(help: "With --until-marker, the milliseconds between rounds of batches, at least 1.")
    var batchIntervalMs = 250

    public init() {}

    public func validate() throws {
        guard JobSpec.API(rawValue: api) != nil else { throw ValidationError("--api: expected \(JobSpec.API.allCases.map(\.rawValue).joined(separator: " or ")), got '\(api)'") }
        guard JobQuery(rawValue: query) != nil else {
            throw ValidationError("--query: expected one of \(JobQuery.allCases.map(\.rawValue).joined(separator: ", ")), got '\(query)'")
        }
        guard filesPerBatch >= 1 else { throw ValidationError("--files-per-batch must be at least 1, got \(filesPerBatch)") }
        guard batchIntervalMs >= 1 else { throw ValidationError("--batch-interval-ms must be at least 1, got \(batchIntervalMs)") }
        if let untilMarker, untilMarker.isEmpty || untilMarker.contains("/") {
            throw ValidationError("--until-marker: expected a file name without '/', got '\(untilMarker)'")
        }
        guard snapshotInterval >= 1 else { throw ValidationError("--snapshot-interval must be at least 1, got \(snapshotInterval)") }
        do { _ = try JobSink(parsing: sink) } catch { throw ValidationError("\(error)") }
    }

    public func run() throws {
        let spec = JobSpec(api: JobSpec.API(rawValue: api)!, query: JobQuery(rawValue: query)!, input: input,
                           filesPerBatch: filesPerBatch, sink: try JobSink(parsing: sink), table: table,
                           checkpoint: checkpoint, snapshotInterval: snapshotInterval, events: events, untilMarker: untilMarker,
                           batchInterval: .milliseconds(batchIntervalMs))
        let log: @Sendable (String) -> Void = { FileHandle.standardError.write(Data("sluice-job: \($0)\n".utf8)) }
        let eventLog = try events.map { path throws(JobSpecError) in try JobEventLog(path: path, checkpoint: checkpoint) }
        let batches = switch spec.api {
        case .structured: try StructuredJob.run(spec, events: eventLog, log: log)
        case .dstream: try DStreamJob.run(spec, events: eventLog, log: log)
        }
        print("sluice-job: \(spec.query) via \(spec.api) finished after \(batches) batch(es) into \(spec.sink) table \(spec.table) on \(AllocatorProbe.current)")
    }
}
