import Foundation
import SluiceCore
import Synchronization
import Testing
@testable import SluiceStructured

/// A scratch directory with a watched input directory of click events and a checkpoint beside it, for
/// tests that stop a checkpointed query, damage or change something, and start it again.
///
/// Every run is a new `Session` and a new DataFrame over `input`, read one file per batch, so that an
/// interrupted run cuts exactly the batches an uninterrupted one does.
struct CheckpointFixture {
    let root: String
    var input: String { root + "/input" }
    var checkpoint: String { root + "/checkpoint" }

    /// The events' columns: who clicked, when, and how many times.
    static let schema = Schema([Field("user", .string), Field("time", .timestamp), Field("clicks", .int64)])
    /// How many event files most tests move in (`addFiles` makes any number).
    static let fileCount = 8

    /// Runs `body` with a new fixture whose input directory is empty and whose checkpoint does not
    /// exist yet; removes everything afterwards.
    static func with<Result>(_ body: (CheckpointFixture) throws -> Result) throws -> Result {
        let fixture = CheckpointFixture(root: NSTemporaryDirectory() + "sluice-checkpoint-tests-" + UUID().uuidString)
        try FileManager.default.createDirectory(atPath: fixture.input, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: fixture.root) }
        return try body(fixture)
    }

    /// Moves the event files numbered `files` into the input directory (written under a hidden name,
    /// then renamed, as writers feeding a directory source must).
    func addFiles(_ files: Range<Int>) throws {
        for file in files {
            let name = String(format: "events-%02d.csv", file)
            let staging = input + "/." + name
            try Data(Self.csv(ofFile: file).utf8).write(to: URL(fileURLWithPath: staging))
            try FileManager.default.moveItem(atPath: staging, toPath: input + "/" + name)
        }
    }

    /// The events of file `file`: three events two minutes apart per file (files six minutes apart),
    /// the repeat of an event of the previous file (for deduplication) and one event a quarter of an
    /// hour late (behind a ten-minute watermark from the fourth file on).
    static func events(inFile file: Int) -> [(user: String, minute: Int, clicks: Int64)] {
        let users = ["ann", "bob", "cat"]
        func user(_ file: Int, _ position: Int) -> String { users[(file + position) % users.count] }
        let previous = max(file - 1, 0)
        let events = [(user(file, 0), file * 6), (user(file, 1), file * 6 + 2), (user(file, 2), file * 6 + 4),
                      (user(previous, 1), previous * 6 + 2), (user(file, 1), max(file * 6 - 15, 0))]
        return events.enumerated().map { position, event in (event.0, event.1, Int64((file * 5 + position) % 4 + 1)) }
    }

    /// The CSV text of event file `file`.
    static func csv(ofFile file: Int) -> String {
        events(inFile: file).map { "\($0.user),2024-01-01 \(String(format: "%02d:%02d", $0.minute / 60, $0.minute % 60)):00,\($0.clicks)\n" }.joined()
    }

    /// The rows of event file `file`, as the CSV source decodes them.
    static func rows(ofFile file: Int) -> [[Value]] {
        events(inFile: file).map { event in
            [.string(event.user), .timestamp(Timestamp(year: 2024, month: 1, day: 1, hour: event.minute / 60, minute: event.minute % 60).microseconds),
             .int64(event.clicks)]
        }
    }

    /// The path of `relative` inside the checkpoint.
    func checkpointFile(_ relative: String) -> String { checkpoint + "/" + relative }

    /// The names in the checkpoint's folder `relative`, sorted; empty when it does not exist.
    func names(in relative: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: checkpointFile(relative))) ?? []).sorted()
    }

    /// Every file of the checkpoint but its lock (whose text names the latest holder), by relative path.
    func checkpointContents() -> [String: Data] {
        let files = FileManager.default.enumerator(atPath: checkpoint)?.allObjects.compactMap { $0 as? String } ?? []
        return Dictionary(uniqueKeysWithValues: files.filter { $0 != "lock" }.compactMap { relative in
            FileManager.default.contents(atPath: checkpointFile(relative)).map { (relative, $0) }
        })
    }

    /// Starts `query` over the input in a new session with this fixture's checkpoint (or none), runs
    /// every file present one per batch, and stops it. A start that fails throws.
    @discardableResult
    func run(_ query: CheckpointedQuery, into sink: RecordingSink, checkpointed: Bool = true,
             options: CheckpointCoordinator.Options = .init()) throws -> StreamingQuery {
        let session = Session()
        var writer = query.build(session.readStream.csv(directory: input, schema: Self.schema, maxFilesPerTrigger: 1))
            .writeStream.outputMode(query.mode).trigger(.availableNow).clock(ManualClock()).sink(sink)
        if checkpointed { writer = writer.checkpointLocation(checkpoint, options: options) }
        let running = try writer.start(driving: .caller)
        defer { running.stop() }
        try running.processAllAvailable()
        return running
    }

    /// The answer of `query` run without interruption (and without a checkpoint) over `files` files.
    static func uninterruptedAnswer(of query: CheckpointedQuery, files: Int = fileCount) throws -> [[Value]] {
        try with { fixture in
            try fixture.addFiles(0 ..< files)
            let sink = RecordingSink()
            try fixture.run(query, into: sink, checkpointed: false)
            return sink.answer(for: query)
        }
    }
}

/// A streaming query over the click events, as tests build it again for every run.
struct CheckpointedQuery: Sendable, CustomTestStringConvertible {
    let name: String
    let mode: OutputMode
    /// In update mode, how many leading output columns identify a row (the sink upserts by them).
    let keyColumns: Int
    let build: @Sendable (DataFrame) -> DataFrame

    var testDescription: String { name }

    static let windowedCount = CheckpointedQuery(name: "windowed count", mode: .update, keyColumns: 3) { events in
        events.withWatermark("time", .minutes(10)).groupBy(window(col("time"), .minutes(10)), col("user")).count()
    }
    static let distinctEvents = CheckpointedQuery(name: "dropDuplicates", mode: .append, keyColumns: 0) { events in
        events.withWatermark("time", .minutes(10)).dropDuplicates(["user", "time"])
    }
    static let sessions = CheckpointedQuery(name: "session windows", mode: .append, keyColumns: 0) { events in
        events.withWatermark("time", .minutes(10)).groupBy(col("user"), session_window(col("time"), .minutes(5)))
            .agg(count("*").alias("events"), sum(col("clicks")).alias("clicks"))
    }
    static let totals = CheckpointedQuery(name: "global aggregation", mode: .complete, keyColumns: 0) { events in
        events.groupBy().agg(count("*").alias("events"), sum(col("clicks")).alias("clicks"), max(col("time")).alias("latest"))
    }
}

/// A sink that outlives the queries writing to it, as an external table does: it keeps each batch's
/// rows by batch id, so a batch run again replaces what it wrote the first time.
final class RecordingSink: StreamingSink {
    private let state = Mutex<(batches: [BatchID: [[Value]]], calls: [BatchID])>(([:], []))

    func addBatch(_ batchID: BatchID, _ rows: [RecordBatch], schema: Schema, mode: OutputMode) throws {
        let values = rows.flatMap(\.rows)
        state.withLock { state in
            state.batches[batchID] = values
            state.calls.append(batchID)
        }
    }

    /// Every batch id written, in the order of the calls (a batch run again appears twice).
    var calls: [BatchID] { state.withLock { $0.calls } }

    /// What a reader of the sink sees, sorted: in append mode every batch's rows, in update mode the
    /// rows upserted by their key columns in batch order, in complete mode the latest batch's rows.
    func answer(for query: CheckpointedQuery) -> [[Value]] {
        let batches = state.withLock { $0.batches }.sorted { $0.key < $1.key }.map(\.value)
        let rows: [[Value]]
        switch query.mode {
        case .append:
            rows = batches.flatMap(\.self)
        case .complete:
            rows = batches.last ?? []
        case .update:
            var table: [[Value]: [Value]] = [:]
            for row in batches.flatMap(\.self) { table[Array(row.prefix(query.keyColumns))] = row }
            rows = Array(table.values)
        }
        return rows.sorted { $0.lexicographicallyPrecedes($1) }
    }
}

/// Collects the notes a checkpoint logs on start.
final class NoteLog: Sendable {
    private let lines = Mutex<[String]>([])

    /// The `log` closure to give `CheckpointCoordinator.Options`.
    var sink: @Sendable (String) -> Void { { [self] line in lines.withLock { $0.append(line) } } }

    var all: [String] { lines.withLock { $0 } }

    /// Whether a note contains every one of `parts`.
    func contains(_ parts: String...) -> Bool { all.contains { note in parts.allSatisfy(note.contains) } }

    func options(retainedBatches: Int = 100, snapshotInterval: Int = 10) -> CheckpointCoordinator.Options {
        CheckpointCoordinator.Options(retainedBatches: retainedBatches, snapshotInterval: snapshotInterval, log: sink)
    }
}
