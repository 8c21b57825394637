import Foundation
import Testing
@testable import SluiceCore

/// Replays after a restart: the rows of the batch that ran but was not committed died with the first
/// run, so the resumed input waits for its producers to send them again.
extension SequencedChannelInputTests {
    /// What a first run left: where its two batches ended, and the rows of the second, which it ran
    /// but did not commit before it crashed.
    struct CrashedRun {
        let endBefore: SourceOffset
        let end: SourceOffset
        let lastBatch: InputSlice
    }

    /// A run that cuts p0 0..<300 and p1 0..<200, then p0 300..<700 and p1 200..<450, and crashes.
    func crashedRun() throws -> CrashedRun {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.resume(after: nil, history: [], log: "unused")
        let (p0, p1) = (try input.makeProducer(named: "p0"), try input.makeProducer(named: "p1"))
        try Self.send(p0, 0 ..< 300, chunkRows: 50)
        try Self.send(p1, 0 ..< 200, chunkRows: 50)
        let endBefore = try #require(cut(input).end)
        try Self.send(p0, 300 ..< 700, chunkRows: 50)
        try Self.send(p1, 200 ..< 450, chunkRows: 50)
        let lastBatch = cut(input)
        #expect(endBefore == SourceOffset(json: #"{"p0":300,"p1":200}"#))
        #expect(lastBatch.end == SourceOffset(json: #"{"p0":700,"p1":450}"#))
        return CrashedRun(endBefore: endBefore, end: try #require(lastBatch.end), lastBatch: lastBatch)
    }

    @Test func aResumedInputWaitsForTheUncommittedBatchToBeSentAgainAndCutsOnRightAfterIt() throws {
        let crashed = try crashedRun()
        let total: Int64 = 1000
        let input = SequencedChannelInput(name: "orders", schema: Self.schema, capacityPerProducer: 2)
        let started = DispatchSemaphore(value: 0)
        let producers = ThreadGroup<Int64?>(count: 2, name: "resend") { index in
            started.signal()
            guard let first = input.awaitResumeSequence(for: "p\(index)", timeout: .seconds(30)),
                  let producer = try? input.makeProducer(named: "p\(index)", startingAt: first),
                  (try? Self.produce(producer, first ..< total, chunkRows: 64)) != nil else { return nil }
            return first
        }
        started.wait()
        started.wait()
        try input.resume(after: crashed.endBefore, history: [crashed.endBefore], log: "unused")
        let replayed = try input.replay(from: crashed.endBefore, to: crashed.end)
        #expect(replayed.chunks.flatMap(\.rows) == crashed.lastBatch.chunks.flatMap(\.rows))
        #expect(replayed.end == crashed.end)
        #expect(input.resumeSequence(for: "p0") == 700 && input.resumeSequence(for: "p1") == 450)

        var cuts: [InputSlice] = []
        while !input.channel.isFinished || input.hasPendingData { cuts.append(cut(input)) }
        #expect(producers.join() == [300, 200])
        #expect(Self.numbers(cuts.flatMap(\.chunks)) == ["p0": Array(700 ..< total), "p1": Array(450 ..< total)])
        #expect(cuts.last?.end == SourceOffset(json: #"{"p0":1000,"p1":1000}"#))
        #expect(cuts.allSatisfy { $0.problems.isEmpty })
        let again = try input.replay(from: crashed.endBefore, to: crashed.end)
        #expect(again.chunks.flatMap(\.rows) == crashed.lastBatch.chunks.flatMap(\.rows), "now from the kept rows")
    }

    @Test func aReplayThatTimesOutNamesEachProducersMissingRowsAndLosesNone() throws {
        let crashed = try crashedRun()
        let input = SequencedChannelInput(name: "orders", schema: Self.schema, replayTimeout: .milliseconds(100))
        try input.resume(after: crashed.endBefore, history: [crashed.endBefore], log: "unused")
        try Self.send(input.makeProducer(named: "p0", startingAt: 300), 300 ..< 500, chunkRows: 50)
        #expect(throws: ReplayError(input: "orders", message:
            "producer 'p0': waited 0.1 s for rows 300..<700 to be sent again after the restart; got up to 500; "
            + "producer 'p1': waited 0.1 s for rows 200..<450 to be sent again after the restart; got none of them")) {
            try input.replay(from: crashed.endBefore, to: crashed.end)
        }
        let slice = cut(input)
        #expect(Self.numbers(slice.chunks) == ["p0": Array(300 ..< 500)])
        #expect(slice.end == SourceOffset(json: #"{"p0":500,"p1":200}"#))
    }

    @Test func rowsBeforeTheResumedPositionAreNotWaitedFor() throws {
        let crashed = try crashedRun()
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.resume(after: crashed.end, history: [crashed.endBefore, crashed.end], log: "unused")
        #expect(throws: ReplayError(input: "orders", message: "producer 'p0': rows 300..<700 are not kept (none kept, 700 rows taken); "
            + "they were committed, taken before a restart, or never taken")) {
            try input.replay(from: crashed.endBefore, to: crashed.end)
        }
    }

    @Test func rowsAProducerSkippedInTheReplayedRangeFailTheReplayAtOnce() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        let endBefore = SourceOffset(json: #"{"p0":300}"#)
        try input.resume(after: endBefore, history: [endBefore], log: "unused")
        try Self.send(input.makeProducer(named: "p0", startingAt: 500), 500 ..< 800, chunkRows: 100)
        #expect(throws: ReplayError(input: "orders", message:
            "producer 'p0': rows 300..<500 of the replayed 300..<700 never arrived; the producer went on at row 500")) {
            try input.replay(from: endBefore, to: SourceOffset(json: #"{"p0":700}"#))
        }
    }

    @Test func stoppingTheInputEndsAWaitingReplay() throws {
        let crashed = try crashedRun()
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.resume(after: crashed.endBefore, history: [crashed.endBefore], log: "unused")
        let replay = ThreadGroup<String?>(count: 1, name: "replay") { _ in
            do {
                _ = try input.replay(from: crashed.endBefore, to: crashed.end)
                return nil
            } catch {
                return "\(error)"
            }
        }
        input.stop()
        #expect(replay.join() == ["orders: producer 'p0': the input stopped while waiting for rows 300..<700 to be sent again after the restart; "
            + "got none of them; producer 'p1': the input stopped while waiting for rows 200..<450 to be sent again after the restart; "
            + "got none of them"])
    }

    @Test func producersStartedFirstLearnWhereToStart() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        #expect(input.awaitResumeSequence(for: "p0", timeout: .milliseconds(10)) == nil, "not positioned yet")
        let started = DispatchSemaphore(value: 0)
        let producer = ThreadGroup<Int64?>(count: 1, name: "await") { _ in
            started.signal()
            return input.awaitResumeSequence(for: "p0", timeout: .seconds(30))
        }
        started.wait()
        input.start()
        #expect(producer.join() == [0], "a fresh start")

        let resumed = SequencedChannelInput(name: "orders", schema: Self.schema)
        try resumed.resume(after: SourceOffset(json: #"{"p0":42}"#), history: [], log: "unused")
        #expect(resumed.awaitResumeSequence(for: "p0", timeout: .seconds(30)) == 42)
        #expect(resumed.awaitResumeSequence(for: "p9", timeout: .seconds(30)) == 0)

        let stopped = SequencedChannelInput(name: "orders", schema: Self.schema)
        stopped.stop()
        #expect(stopped.awaitResumeSequence(for: "p0", timeout: .seconds(30)) == nil)
    }
}
