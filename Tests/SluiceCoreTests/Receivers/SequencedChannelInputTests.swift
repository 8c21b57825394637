import Foundation
import Testing
@testable import SluiceCore

@Suite struct SequencedChannelInputTests {
    static let schema = Schema([Field("producer", .string), Field("n", .int64)])

    /// Rows `sequences` of `producer`, each holding its producer's name and its own number.
    static func batch(_ producer: String, _ sequences: Range<Int64>) -> RecordBatch {
        // The rows match the schema.
        try! RecordBatch(schema: schema, rows: sequences.map { [.string(producer), .int64($0)] })
    }

    /// The row numbers in `chunks`, by producer, in order.
    static func numbers(_ chunks: [RecordBatch]) -> [String: [Int64]] {
        var numbers: [String: [Int64]] = [:]
        for row in chunks.flatMap(\.rows) {
            guard case .string(let producer) = row[0], case .int64(let number) = row[1] else { continue }
            numbers[producer, default: []].append(number)
        }
        return numbers
    }

    /// Sends rows `sequences` from `producer` in chunks of `chunkRows`.
    static func send(_ producer: SequencedProducer, _ sequences: Range<Int64>, chunkRows: Int64) throws {
        for first in stride(from: sequences.lowerBound, to: sequences.upperBound, by: Int(chunkRows)) {
            try producer.send(batch(producer.name, first ..< min(first + chunkRows, sequences.upperBound)))
        }
    }

    /// Sends rows `sequences` from `producer` in chunks of `chunkRows`, then finishes.
    static func produce(_ producer: SequencedProducer, _ sequences: Range<Int64>, chunkRows: Int64) throws {
        try send(producer, sequences, chunkRows: chunkRows)
        producer.finish()
    }

    func cut(_ input: SequencedChannelInput) -> InputSlice { input.cut(for: BatchID(0), at: Timestamp(microseconds: 0)) }

    /// A resumed input fed by `count` producer threads `p0`, `p1`, … sending `rows` rows each.
    func feed(_ input: SequencedChannelInput, producers count: Int, rows: Int64, chunkRows: Int64) throws -> ThreadGroup<Bool> {
        let producers = try (0 ..< count).map { try input.makeProducer(named: "p\($0)") }
        return ThreadGroup(count: count, name: "sequenced") { index in
            (try? Self.produce(producers[index], 0 ..< rows, chunkRows: chunkRows)) != nil
        }
    }

    @Test func producersNumberTheirRowsAndACutEndsAtTheirCounts() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        #expect(cut(input).end == SourceOffset(json: "{}"))
        let threads = try feed(input, producers: 2, rows: 1000, chunkRows: 100)
        #expect(threads.join() == [true, true])
        let slice = cut(input)
        #expect(slice.end == SourceOffset(json: #"{"p0":1000,"p1":1000}"#))
        #expect(Self.numbers(slice.chunks) == ["p0": Array(0 ..< 1000), "p1": Array(0 ..< 1000)])
        #expect(slice.chunks.prefix(10).allSatisfy { $0.row(0)[0] == .string("p0") }, "producers come in name order")
        #expect(cut(input).end == slice.end, "an empty cut keeps the previous end")
        #expect(input.resumeSequence(for: "p1") == 1000)
    }

    @Test(arguments: [1, 4])
    func replayGivesEachCutsRowsInItsChunksWhileProducersRun(producers: Int) throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema, capacityPerProducer: 4)
        try input.resume(after: nil, history: [], log: "unused")
        let threads = try feed(input, producers: producers, rows: 5000, chunkRows: 37)
        var cuts: [InputSlice] = []
        while !input.channel.isFinished || input.hasPendingData { cuts.append(cut(input)) }
        #expect(threads.join().allSatisfy { $0 })
        var previous: SourceOffset?
        for original in cuts {
            let end = try #require(original.end)
            let replayed = try input.replay(from: previous, to: end)
            #expect(replayed.chunks.map(\.rows) == original.chunks.map(\.rows))
            previous = end
        }
        let all = Self.numbers(cuts.flatMap(\.chunks))
        #expect(all == Dictionary(uniqueKeysWithValues: (0 ..< producers).map { ("p\($0)", Array(Int64(0) ..< 5000)) }))
    }

    @Test func aReplayAcrossCutsSlicesNothingAndARangeInsideAChunkSlicesIt() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.resume(after: nil, history: [], log: "unused")
        let producer = try input.makeProducer(named: "p0")
        try producer.send(Self.batch("p0", 0 ..< 10))
        _ = cut(input)
        try producer.send(Self.batch("p0", 10 ..< 20))
        _ = cut(input)
        let middle = try input.replay(from: SourceOffset(json: #"{"p0":5}"#), to: SourceOffset(json: #"{"p0":15}"#))
        #expect(middle.chunks.map(\.rowCount) == [5, 5])
        #expect(Self.numbers(middle.chunks) == ["p0": Array(5 ..< 15)])
    }

    @Test func aCommitDropsTheKeptChunksItPasses() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.resume(after: nil, history: [], log: "unused")
        let producer = try input.makeProducer(named: "p0")
        var ends: [SourceOffset] = []
        for first in stride(from: Int64(0), to: 30, by: 10) {
            try producer.send(Self.batch("p0", first ..< first + 10))
            ends.append(try #require(cut(input).end))
        }
        #expect(input.state.withLock { $0.producers["p0"]?.kept.count } == 3)
        try input.commit(through: ends[1])
        #expect(input.state.withLock { $0.producers["p0"]?.kept.count } == 1)
        #expect(throws: ReplayError(input: "orders", message: "producer 'p0': rows 10..<20 are not kept (kept rows 20..<30); "
            + "they were committed, taken before a restart, or never taken")) {
            try input.replay(from: ends[0], to: ends[1])
        }
        #expect(Self.numbers(try input.replay(from: ends[1], to: ends[2]).chunks) == ["p0": Array(20 ..< 30)])
    }

    @Test func anInputNeverResumedKeepsNothing() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.makeProducer(named: "p0").send(Self.batch("p0", 0 ..< 10))
        let end = try #require(cut(input).end)
        #expect(input.state.withLock { $0.producers["p0"]?.kept.isEmpty } == true)
        #expect(throws: ReplayError.self) { try input.replay(from: nil, to: end) }
    }

    @Test func aRestartWithProducersResendingHasNoDuplicatesAndNoGaps() throws {
        let total: Int64 = 5000
        let first = SequencedChannelInput(name: "orders", schema: Self.schema)
        try first.resume(after: nil, history: [], log: "unused")
        let senders = try ["p0", "p1"].map { try first.makeProducer(named: $0) }
        #expect(ThreadGroup(count: 2, name: "before-crash") { index in
            (try? Self.produce(senders[index], 0 ..< Int64(1000 + 700 * index), chunkRows: 64)) != nil
        }.join() == [true, true])
        let beforeCrash = cut(first)
        let end = try #require(beforeCrash.end)
        #expect(end == SourceOffset(json: #"{"p0":1000,"p1":1700}"#))

        let second = SequencedChannelInput(name: "orders", schema: Self.schema)
        try second.resume(after: end, history: [end], log: "unused")
        #expect(second.resumeSequence(for: "p0") == 1000)
        #expect(second.resumeSequence(for: "p1") == 1700)
        let resumed = try second.makeProducer(named: "p0", startingAt: second.resumeSequence(for: "p0"))
        let fromScratch = try second.makeProducer(named: "p1")
        let threads = ThreadGroup(count: 2, name: "after-crash") { index in
            let producer = index == 0 ? resumed : fromScratch
            return (try? Self.produce(producer, producer.nextSequence ..< total, chunkRows: 50)) != nil
        }
        var afterCrash: [InputSlice] = []
        while !second.channel.isFinished || second.hasPendingData { afterCrash.append(cut(second)) }
        #expect(threads.join() == [true, true])
        let numbers = Self.numbers((beforeCrash.chunks + afterCrash.flatMap(\.chunks)))
        #expect(numbers == ["p0": Array(0 ..< total), "p1": Array(0 ..< total)])
        #expect(afterCrash.last?.end == SourceOffset(json: #"{"p0":5000,"p1":5000}"#))
        #expect(afterCrash.allSatisfy { $0.problems.isEmpty })
    }

    @Test func aChunkStraddlingTheResumePointIsTrimmed() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.resume(after: SourceOffset(json: #"{"p0":150}"#), history: [], log: "unused")
        let producer = try input.makeProducer(named: "p0", startingAt: 100)
        try producer.send(Self.batch("p0", 100 ..< 140))
        try producer.send(Self.batch("p0", 140 ..< 200))
        let slice = cut(input)
        #expect(Self.numbers(slice.chunks) == ["p0": Array(150 ..< 200)])
        #expect(slice.chunks.map(\.rowCount) == [50])
        #expect(slice.end == SourceOffset(json: #"{"p0":200}"#))
        #expect(producer.nextSequence == 200)
    }

    @Test func rowsAProducerSkippedAreReported() throws {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        try input.makeProducer(named: "p0", startingAt: 10).send(Self.batch("p0", 10 ..< 20))
        let slice = cut(input)
        #expect(slice.problems == [InputProblem(source: "p0", message: "rows 0..<10 never arrived; the producer went on at row 10")])
        #expect(slice.end == SourceOffset(json: #"{"p0":20}"#))
    }

    @Test func anOffsetOfAnotherInputIsAnError() {
        let input = SequencedChannelInput(name: "orders", schema: Self.schema)
        #expect(throws: ReplayError.self) {
            try input.resume(after: SourceOffset(json: #"{"files":[],"index":0}"#), history: [], log: "unused")
        }
    }
}
