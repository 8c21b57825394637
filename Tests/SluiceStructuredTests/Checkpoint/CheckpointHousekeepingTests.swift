import Foundation
import SluiceCore
import Testing
@testable import SluiceStructured

/// The checkpoint's lock, the temporary files killed writers leave, the retention of old batches and
/// the warning for a source that cannot replay.
///
/// These queries use the default zero-interval trigger on a `ManualClock`, so that they stay active
/// between `processAllAvailable()` calls until `stop()`.
@Suite struct CheckpointHousekeepingTests {
    /// Starts the windowed count over the fixture's input, driven by the caller, without running a batch.
    func start(_ fixture: CheckpointFixture, into sink: RecordingSink = RecordingSink(),
               options: CheckpointCoordinator.Options = .init()) throws -> StreamingQuery {
        try CheckpointedQuery.windowedCount.build(Session().readStream.csv(directory: fixture.input, schema: CheckpointFixture.schema,
                                                                           maxFilesPerTrigger: 1))
            .writeStream.outputMode(.update).clock(ManualClock()).sink(sink)
            .checkpointLocation(fixture.checkpoint, options: options)
            .start(driving: .caller)
    }

    @Test func aSecondQueryOnAnActiveCheckpointFailsNamingTheHolder() throws {
        try CheckpointFixture.with { fixture in
            try fixture.addFiles(0 ..< 2)
            let sink = RecordingSink()
            let first = try start(fixture, into: sink)
            try first.processAllAvailable()
            let error = #expect(throws: CheckpointError.self) { try start(fixture) }
            let message = error.map { "\($0)" } ?? ""
            #expect(message.hasPrefix(fixture.checkpointFile("lock") + ": the checkpoint is in use by pid \(ProcessInfo.processInfo.processIdentifier) on "
                + "\(ProcessInfo.processInfo.hostName), since "), "\(message)")
            #expect(message.hasSuffix("; one checkpoint serves one running job"))
            #expect(first.isActive, "the refused start leaves the running query alone")
            try fixture.addFiles(2 ..< 3)
            try first.processAllAvailable()
            #expect(first.recentProgress.map(\.batchId.rawValue) == [0, 1, 2])
            first.stop()

            let second = try start(fixture, into: sink)
            defer { second.stop() }
            try fixture.addFiles(3 ..< 4)
            try second.processAllAvailable()
            #expect(second.id == first.id)
            #expect(second.recentProgress.map(\.batchId.rawValue) == [3])
        }
    }

    @Test func temporaryFilesAreRemovedAtStartAndCounted() throws {
        try CheckpointFixture.with { fixture in
            try fixture.addFiles(0 ..< 2)
            let sink = RecordingSink()
            let first = try start(fixture, into: sink)
            try first.processAllAvailable()
            first.stop()
            let planted = ["offsets/2.4f1c.sluice-tmp", "commits/2.77ab.sluice-tmp", "state/0/0/3.snapshot.9e0d.sluice-tmp", "sources/0/3.51c2.sluice-tmp"]
            for file in planted {
                try Data("half written".utf8).write(to: URL(fileURLWithPath: fixture.checkpointFile(file)))
            }
            let notes = NoteLog()
            try fixture.addFiles(2 ..< 3)
            let second = try start(fixture, into: sink, options: notes.options())
            try second.processAllAvailable()
            second.stop()
            #expect(notes.all == ["checkpoint \(fixture.checkpoint): removed 4 temporary file(s) left by a writer that died before renaming: "
                + planted.sorted().joined(separator: ", ")])
            for file in planted { #expect(!FileManager.default.fileExists(atPath: fixture.checkpointFile(file)), "\(file) is removed") }
            #expect(second.recentProgress.map(\.batchId.rawValue) == [2], "no temporary file is taken for a batch's file")
            #expect(sink.answer(for: .windowedCount) == (try CheckpointFixture.uninterruptedAnswer(of: .windowedCount, files: 3)))
        }
    }

    @Test func onlyTheRetainedBatchesStayAndARestartStillWorks() throws {
        let query = CheckpointedQuery.windowedCount
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            let notes = NoteLog()
            let options = notes.options(retainedBatches: 3, snapshotInterval: 2)
            try fixture.addFiles(0 ..< 10)
            try fixture.run(query, into: sink, options: options)
            #expect(sink.calls == (0 ..< 10).map(BatchID.init))
            #expect(fixture.names(in: "offsets") == ["7", "8", "9"])
            #expect(fixture.names(in: "commits") == ["7", "8", "9"])
            #expect(fixture.names(in: "state/0/0") == ["10.delta", "10.snapshot", "8.snapshot", "9.delta"],
                    "version 8 (the oldest a restart may need) loads from its snapshot; older versions are purged")
            #expect(fixture.names(in: "sources/0") == ["10"], "the tenth entry of the files log is complete and replaced the others")

            try fixture.addFiles(10 ..< 12)
            let restarted = try fixture.run(query, into: sink, options: options)
            #expect(restarted.recentProgress.map(\.batchId.rawValue) == [10, 11])
            #expect(notes.all.isEmpty, "\(notes.all)")
            let expected = try CheckpointFixture.uninterruptedAnswer(of: query, files: 12)
            #expect(sink.answer(for: query) == expected)
        }
    }

    @Test func aSocketSourceWithACheckpointWarnsItIsAtMostOnce() throws {
        try CheckpointFixture.with { fixture in
            let notes = NoteLog()
            let running = try Session().readStream.socket(host: "127.0.0.1", port: 9)
                .select(col("value")).writeStream.sink(RecordingSink()).clock(ManualClock())
                .checkpointLocation(fixture.checkpoint, options: notes.options())
                .start(driving: .caller)
            running.stop()
            #expect(notes.all == ["checkpoint \(fixture.checkpoint): source 'socket 127.0.0.1:9' cannot replay its data, so rows it "
                + "received but a crash kept from being committed are lost (at most once for this source); use a file, producer or "
                + "table source for exactly once"])
        }
    }

    /// The input directory is missing, so the driver's start fails after the checkpoint was taken.
    @Test func aStartThatFailsReleasesTheCheckpoint() throws {
        try CheckpointFixture.with { fixture in
            try FileManager.default.removeItem(atPath: fixture.input)
            #expect(throws: InputProblem.self) { try start(fixture) }
            try FileManager.default.createDirectory(atPath: fixture.input, withIntermediateDirectories: true)
            try fixture.addFiles(0 ..< 1)
            let running = try start(fixture)
            defer { running.stop() }
            try running.processAllAvailable()
            #expect(running.recentProgress.map(\.batchId.rawValue) == [0])
        }
    }
}
