import Testing
@testable import SluiceCore

@Suite struct QueueInputTests {
    static let schema = Schema([Field("n", .int64)])

    func batch(_ value: Int64) throws -> RecordBatch { try RecordBatch(schema: Self.schema, rows: [[.int64(value)]]) }

    func cutValues(_ input: QueueInput) -> [[Value]] {
        input.cut(for: BatchID(0), at: Timestamp(microseconds: 0)).chunks.flatMap(\.rows)
    }

    @Test func oneAtATimeTakesTheOldest() throws {
        let input = QueueInput(schema: Self.schema)
        try input.enqueue(batch(1))
        try input.enqueue(batch(2))
        #expect(cutValues(input) == [[.int64(1)]])
        #expect(input.hasPendingData)
        #expect(cutValues(input) == [[.int64(2)]])
        #expect(cutValues(input).isEmpty && !input.hasPendingData)
    }

    @Test func allAtOnceAndDefaultBatch() throws {
        let input = QueueInput(schema: Self.schema, oneAtATime: false, defaultBatch: try batch(0))
        try input.enqueue(batch(1))
        try input.enqueue(batch(2))
        #expect(cutValues(input) == [[.int64(1)], [.int64(2)]])
        #expect(cutValues(input) == [[.int64(0)]])
    }

    @Test func rejectsBatchesOfAnotherSchema() throws {
        let input = QueueInput(schema: Self.schema)
        let other = RecordBatch.empty(Schema([Field("s", .string)]))
        #expect(throws: BatchError.schemaMismatch(expected: Self.schema, actual: other.schema)) { try input.enqueue(other) }
    }
}
