import SluiceCore
import Synchronization

/// An append-only log of lines that outlives the runs of a test, as a Kafka topic outlives its consumers.
final class TestTopic: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ new: [String]) { lines.withLock { $0.append(contentsOf: new) } }

    var count: Int { lines.withLock { $0.count } }

    func lines(_ range: Range<Int>) -> [String] { lines.withLock { Array($0[range]) } }
}

/// A replayable input reading a `TestTopic`: its offset is how many lines were read (`"7"`), a batch
/// reads every line appended since the previous cut, and any range can be read again (a replay beyond
/// the position moves it past, as the real inputs' do).
final class TopicInput: ReplayableInput {
    static let schema = Schema([Field("line", .string)])

    let name: String
    let topic: TestTopic
    private let position = Mutex(0)
    /// What `resume` and `commit` were called with, in order, for the tests to check.
    let calls = Mutex<[String]>([])

    init(_ topic: TestTopic, name: String = "topic") {
        self.topic = topic
        self.name = name
    }

    var schema: Schema { Self.schema }

    func start() {}

    func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        let end = topic.count
        let start = position.withLock { position in
            defer { position = end }
            return position
        }
        return slice(start ..< end)
    }

    var hasPendingData: Bool { position.withLock { $0 } < topic.count }

    func stop() {}

    func resume(after offset: SourceOffset?, history: [SourceOffset], log: String) throws {
        let after = try offset.map(lineCount) ?? 0
        position.withLock { $0 = after }
        calls.withLock { $0.append("resume after \(after)") }
    }

    func replay(from start: SourceOffset?, to end: SourceOffset) throws -> InputSlice {
        let first = try start.map(lineCount) ?? 0
        let last = try lineCount(end)
        position.withLock { $0 = max($0, last) }
        return slice(first ..< last)
    }

    func commit(through offset: SourceOffset) throws {
        let through = try lineCount(offset)
        calls.withLock { $0.append("commit through \(through)") }
    }

    private func slice(_ range: Range<Int>) -> InputSlice {
        let rows = topic.lines(range).map { [Value.string($0)] }
        // The rows match the one-string-column schema.
        let chunks = rows.isEmpty ? [] : [try! RecordBatch(schema: Self.schema, rows: rows)]
        return InputSlice(chunks: chunks, end: SourceOffset(json: String(range.upperBound)))
    }

    private func lineCount(_ offset: SourceOffset) throws -> Int {
        guard let count = Int(offset.json), count >= 0, count <= topic.count else {
            throw ReplayError(input: name, message: "'\(offset.json)' is not a line count of the topic (\(topic.count) lines)")
        }
        return count
    }
}
