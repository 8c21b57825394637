import Foundation
import SluiceCore
import Testing
@testable import SluiceStructured

/// A checkpointed query stopped and started again — new session, new DataFrame, same checkpoint —
/// gives the sink exactly what an uninterrupted run gives it, and keeps its identity and batch ids.
@Suite struct CheckpointRestartTests {
    static let queries: [CheckpointedQuery] = [.windowedCount, .distinctEvents, .sessions, .totals]

    @Test(arguments: queries)
    func stoppingAndRestartingGivesTheUninterruptedAnswer(query: CheckpointedQuery) throws {
        let expected = try CheckpointFixture.uninterruptedAnswer(of: query)
        #expect(!expected.isEmpty)
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            let notes = NoteLog()
            var runs: [StreamingQuery] = []
            for files in [0 ..< 2, 2 ..< 5, 5 ..< CheckpointFixture.fileCount] {
                try fixture.addFiles(files)
                runs.append(try fixture.run(query, into: sink, options: notes.options(snapshotInterval: 2)))
            }
            #expect(sink.answer(for: query) == expected)
            #expect(runs.map { $0.recentProgress.map(\.batchId.rawValue) } == [[0, 1], [2, 3, 4], [5, 6, 7]],
                    "batch ids go on across restarts")
            #expect(sink.calls == (0 ..< 8).map(BatchID.init), "no batch is run twice after a clean stop")
            #expect(Set(runs.map(\.id)).count == 1, "the query id is the checkpoint's")
            #expect(Set(runs.map(\.runId)).count == 3, "every start has its own run id")
            #expect(runs.allSatisfy { run in run.recentProgress.allSatisfy { $0.id == run.id && $0.runId == run.runId } })
            #expect(notes.all.isEmpty, "a clean restart has nothing to report: \(notes.all)")
        }
    }

    @Test func aRestartWithNoNewFilesRunsNoBatchAndKeepsTheAnswer() throws {
        let query = CheckpointedQuery.windowedCount
        let expected = try CheckpointFixture.uninterruptedAnswer(of: query, files: 3)
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            try fixture.addFiles(0 ..< 3)
            let first = try fixture.run(query, into: sink)
            let second = try fixture.run(query, into: sink)
            #expect(second.recentProgress.isEmpty)
            #expect(second.id == first.id)
            #expect(sink.answer(for: query) == expected)
            #expect(fixture.names(in: "offsets") == ["0", "1", "2"])
        }
    }

    @Test func theWatermarkComesBackWithTheState() throws {
        try CheckpointFixture.with { fixture in
            let sink = RecordingSink()
            try fixture.addFiles(0 ..< 4)
            let first = try fixture.run(.windowedCount, into: sink)
            let watermark = try #require(first.watermark)
            try fixture.addFiles(4 ..< 5)
            let second = try fixture.run(.windowedCount, into: sink)
            #expect(second.recentProgress.first?.watermark == watermark, "the restarted query's first batch uses the stored watermark")
            #expect(second.recentProgress.first?.stateOperator?.numRowsDroppedByWatermark == 1, "the late event of file 4 is dropped")
        }
    }
}
