import Foundation
import SluiceCore
import Testing
@testable import SluiceStructured

/// A restart with a changed query, per `QueryFingerprint`'s rules: a change that would give the
/// checkpoint's offsets or state another meaning is refused with an error naming what changed; any
/// other change is allowed and the query goes on from its state.
@Suite struct CheckpointPlanChangeTests {
    static let counts = CheckpointedQuery(name: "counts by user", mode: .update, keyColumns: 1) { events in
        events.groupBy("user").agg(count("*").alias("events"), sum(col("clicks")).alias("clicks"))
    }

    /// A changed query paired with the name of the pinned part the refusal must name and a word of its
    /// new description.
    static let refused: [(CheckpointedQuery, part: String, new: String)] = [
        (CheckpointedQuery(name: "a filter added before the aggregation", mode: .update, keyColumns: 1) { events in
            events.filter(col("clicks") > 1).groupBy("user").agg(count("*").alias("events"), sum(col("clicks")).alias("clicks"))
        }, "state", "filter"),
        (CheckpointedQuery(name: "other grouping keys", mode: .update, keyColumns: 2) { events in
            events.groupBy("user", "clicks").agg(count("*").alias("events"), sum(col("clicks")).alias("total"))
        }, "state", "keys: [user, clicks]"),
        (CheckpointedQuery(name: "another output mode", mode: .complete, keyColumns: 0, build: counts.build), "outputMode", "complete"),
    ]

    @Test(arguments: 0 ..< refused.count)
    func aChangeBelowTheStateIsRefusedNamingIt(index: Int) throws {
        let (changed, part, new) = Self.refused[index]
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            try fixture.addFiles(0 ..< 2)
            try fixture.run(Self.counts, into: sink)
            try fixture.addFiles(2 ..< 3)
            let error = #expect(throws: CheckpointError.self, "\(changed.name)") { try fixture.run(changed, into: sink) }
            guard case .incompatible(let path, let changes) = error else { return }
            #expect(path == fixture.checkpointFile("metadata"))
            #expect(changes.count == 1 && changes[0].hasPrefix("\(part) changed: the checkpoint has '"), "\(changes)")
            #expect(changes.first?.split(separator: "this query has").last?.contains(new) == true, "\(changes)")
            #expect("\(error!)".hasSuffix("Use a new checkpoint location to start over."))
            #expect(sink.calls.count == 2)
            try fixture.run(Self.counts, into: sink)
            #expect(sink.calls.count == 3, "the refusal changed nothing: the original query goes on")
        }
    }

    @Test func anotherSourceDirectoryIsRefusedNamingIt() throws {
        try CheckpointFixture.with { fixture in
            try fixture.addFiles(0 ..< 2)
            try fixture.run(Self.counts, into: RecordingSink())
            let elsewhere = fixture.root + "/other-input"
            try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
            let session = Session()
            let error = #expect(throws: CheckpointError.self) {
                try Self.counts.build(session.readStream.csv(directory: elsewhere, schema: CheckpointFixture.schema))
                    .writeStream.outputMode(.update).sink(RecordingSink()).checkpointLocation(fixture.checkpoint)
                    .start(driving: .caller).stop()
            }
            guard case .incompatible(_, let changes) = error else { return }
            #expect(changes.first == "sources changed: the checkpoint has 'directory \(fixture.input)(user: string, time: timestamp, clicks: int64)', "
                + "this query has 'directory \(elsewhere)(user: string, time: timestamp, clicks: int64)'")
            #expect(changes.count == 2 && changes[1].hasPrefix("state changed: "), "the state was read from the other directory too")
        }
    }

    @Test func changesAboveTheStateAndOfSinkOrTriggerAreAllowed() throws {
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            try fixture.addFiles(0 ..< 3)
            let first = try fixture.run(Self.counts, into: sink)

            try fixture.addFiles(3 ..< 5)
            let above = CheckpointedQuery(name: "filter and projection above", mode: .update, keyColumns: 1) { events in
                Self.counts.build(events).filter(col("events") > 0).select(col("user"), col("events"), col("clicks"), (col("clicks") * 2).alias("double"))
            }
            let second = try fixture.run(above, into: sink)
            #expect(second.id == first.id)
            #expect(second.recentProgress.map(\.batchId.rawValue) == [3, 4])

            try fixture.addFiles(5 ..< 6)
            let session = Session()
            let running = try Self.counts.build(session.readStream.csv(directory: fixture.input, schema: CheckpointFixture.schema))
                .writeStream.outputMode(.update).trigger(.processingTime(.zero)).clock(ManualClock())
                .queryName("counts").memory().checkpointLocation(fixture.checkpoint)
                .start(driving: .caller)
            try running.processAllAvailable()
            running.stop()
            #expect(running.id == first.id)
            #expect(running.recentProgress.map(\.batchId.rawValue) == [5], "another sink and trigger continue the batches")

            let expected = try session.createDataFrame(rows: (0 ..< 6).flatMap(CheckpointFixture.rows(ofFile:)), schema: CheckpointFixture.schema)
            let totals = try Self.counts.build(expected).collect().sorted { $0.lexicographicallyPrecedes($1) }
            let memory = try session.table("counts").collect()
            for user in totals {
                #expect(memory.contains(user), "the counts of \(user[0]) include the files read before the changes")
            }
        }
    }

    @Test func aCheckpointOfAnotherNumberOfInputsIsRefused() throws {
        try CheckpointFixture.with { fixture in
            try fixture.addFiles(0 ..< 2)
            try fixture.run(Self.counts, into: RecordingSink())
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture.checkpointFile("metadata"))))
            let metadata = try JSONDecoder().decode(CheckpointMetadata.self, from: Data(try CheckpointFile.decode(bytes, path: "metadata")))
            let error = #expect(throws: CheckpointError.self) {
                try CheckpointCoordinator(directory: fixture.checkpoint, query: metadata, inputCount: 2).close()
            }
            #expect(error == .incompatible(path: fixture.checkpointFile("offsets"),
                                           changes: ["inputs changed: the checkpoint's batches read 1 input(s), this query has 2"]))
            let same = try CheckpointCoordinator(directory: fixture.checkpoint, query: metadata, inputCount: 1)
            #expect(same.recovery.nextBatch == BatchID(2), "the refusal released the lock and changed nothing")
            try same.close()
        }
    }
}
