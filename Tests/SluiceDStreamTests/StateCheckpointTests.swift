import Foundation
import SluiceCore
import Testing
@testable import SluiceDStream

/// How `updateStateByKey` keeps its state in the checkpoint: a JSON delta per batch, a snapshot every
/// few versions, old versions purged, and the key order kept across a restart.
@Suite struct StateCheckpointTests {
    /// A count per word; a word is dropped at its third occurrence, and starts again as a new key.
    static func define(_ lines: DStream<String>, into collected: Collected<(String, Int64)>) {
        lines.flatMap(words).map { ($0, Int64(1)) }
            .updateStateByKey { (ones: [Int64], count: Int64?) in
                let next = (count ?? 0) + ones.reduce(0, +)
                return next >= 3 ? nil : next
            }
            .foreachRDD { rdd, time in collected.append(rdd.collect(), at: time) }
    }

    static let lines: [[String]] = [["a b"], ["c"], ["a"], ["a d"], ["a"], ["b e b"]]

    static func render(_ batches: [Int64: [(String, Int64)]]) -> [Int64: [String]] {
        batches.mapValues { $0.map { "\($0.0)=\($0.1)" } }
    }

    @Test func aRestartFromASnapshotAndDeltasKeepsTheStateAndItsKeyOrder() throws {
        let reference = Collected<(String, Int64)>()
        let whole = TopicJob("state-order-reference")
        defer { whole.remove() }
        let context = try whole.start(snapshotInterval: 2) { Self.define($0, into: reference) }
        for lines in Self.lines { try whole.runBatch(context, lines) }
        context.stop()

        let job = TopicJob("state-order")
        defer { job.remove() }
        let collected = Collected<(String, Int64)>()
        let first = try job.start(snapshotInterval: 2) { Self.define($0, into: collected) }
        for lines in Self.lines[0 ..< 3] { try job.runBatch(first, lines) }
        first.stop()
        let second = try job.start(snapshotInterval: 2) { Self.define($0, into: collected) }
        for lines in Self.lines[3...] { try job.runBatch(second, lines) }
        second.stop()
        #expect(Self.render(collected.lastByTime) == Self.render(reference.lastByTime))
        #expect(Self.render(collected.lastByTime)[4000] == ["b=1", "c=1", "d=1"], "a is dropped at its third occurrence")
        #expect(Self.render(collected.lastByTime)[6000] == ["c=1", "d=1", "a=1", "e=1"], "a came back as a new key, after the others")
    }

    @Test func eachVersionIsADeltaOfTheChangedKeysWithSnapshotsAndPurges() throws {
        let job = TopicJob("state-layout")
        defer { job.remove() }
        let context = try job.start(retainedBatches: 2, snapshotInterval: 2) { Self.define($0, into: Collected()) }
        for lines in Self.lines { try job.runBatch(context, lines) }
        context.stop()
        let state = job.checkpoint + "/state/0/0"
        let files = try FileManager.default.contentsOfDirectory(atPath: state).sorted()
        #expect(files == ["4.snapshot", "5.delta", "6.delta", "6.snapshot"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: job.checkpoint + "/offsets").sorted() == ["4", "5"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: job.checkpoint + "/commits").sorted() == ["4", "5"])
        #expect(try Self.json(state + "/5.delta") == #"{"puts":[{"key":"a","state":1}],"removals":[]}"#,
                "batch 4 changed only a; b, c and d kept their counts")
        #expect(try Self.json(state + "/6.delta") == #"{"puts":[{"key":"e","state":1}],"removals":["b"]}"#)
        #expect(try Self.json(state + "/6.snapshot")
            == #"{"puts":[{"key":"c","state":1},{"key":"d","state":1},{"key":"a","state":1},{"key":"e","state":1}],"removals":[]}"#)
    }

    /// Runs `define` over `lines` once without a stop and once stopped after `stopAfter` batches (with
    /// a snapshot every `snapshotInterval` versions); returns both outputs by batch time.
    static func restarted(_ label: String, stopAfter: Int, snapshotInterval: Int = 2,
                          _ define: @escaping (DStream<String>, Collected<(String, Int64)>) throws -> Void) throws -> (whole: [Int64: [String]], restarted: [Int64: [String]]) {
        let reference = Collected<(String, Int64)>()
        let whole = TopicJob(label + "-reference")
        defer { whole.remove() }
        let context = try whole.start(snapshotInterval: snapshotInterval) { try define($0, reference) }
        for lines in Self.lines { try whole.runBatch(context, lines) }
        context.stop()
        let collected = Collected<(String, Int64)>()
        let job = TopicJob(label)
        defer { job.remove() }
        let first = try job.start(snapshotInterval: snapshotInterval) { try define($0, collected) }
        for lines in Self.lines[..<stopAfter] { try job.runBatch(first, lines) }
        first.stop()
        let second = try job.start(snapshotInterval: snapshotInterval) { try define($0, collected) }
        for lines in Self.lines[stopAfter...] { try job.runBatch(second, lines) }
        second.stop()
        return (render(reference.lastByTime), render(collected.lastByTime))
    }

    @Test func theInitialStateAppliesOnlyToTheFirstRun() throws {
        let outputs = try Self.restarted("state-initial", stopAfter: 1) { lines, collected in
            lines.flatMap(words).map { ($0, Int64(1)) }
                .updateStateByKey({ (ones: [Int64], count: Int64?) in (count ?? 0) + ones.reduce(0, +) }, initialState: RDD([("a", 10)]))
                .foreachRDD { rdd, time in collected.append(rdd.collect(), at: time) }
        }
        #expect(outputs.restarted == outputs.whole)
        #expect(outputs.restarted[2000] == ["a=11", "b=1", "c=1"])
    }

    @Test func aStateSlidingByTwoBatchesRestartsBetweenItsBatches() throws {
        let outputs = try Self.restarted("state-sliding", stopAfter: 3, snapshotInterval: 3) { lines, collected in
            try lines.window(.seconds(2), slide: .seconds(2)).flatMap(words).map { ($0, Int64(1)) }
                .updateStateByKey { (ones: [Int64], count: Int64?) in (count ?? 0) + ones.reduce(0, +) }
                .foreachRDD { rdd, time in collected.append(rdd.collect(), at: time) }
        }
        #expect(outputs.restarted == outputs.whole)
        #expect(outputs.restarted.keys.sorted() == [2000, 4000, 6000])
    }

    /// The JSON a state file holds, keys sorted.
    static func json(_ path: String) throws -> String {
        let payload = try CheckpointFile.decode([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), path: path)
        let object = try JSONSerialization.jsonObject(with: Data(payload))
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: sorted, as: UTF8.self)
    }
}
