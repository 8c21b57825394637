import Testing
@testable import SluiceCore

@Suite struct RecordBatchTests {
    static let schema = Schema([
        Field("id", .int64), Field("price", .double, nullable: true), Field("buy", .bool),
        Field("symbol", .string, nullable: true), Field("time", .timestamp),
    ])

    static func sample() throws -> RecordBatch {
        try RecordBatch(schema: schema, rows: [
            [.int64(1), .double(1.5), .bool(true), .string("EPE"), .timestamp(10)],
            [.int64(2), .null, .bool(false), .string("NFLX"), .timestamp(20)],
            [.int64(3), .double(-2), .bool(true), .null, .timestamp(30)],
            [.int64(4), .double(8), .bool(false), .string("EPE"), .timestamp(40)],
        ])
    }

    @Test func rowsRoundTripThroughTheBuilder() throws {
        let batch = try Self.sample()
        #expect(batch.rowCount == 4)
        #expect(batch.row(1) == [.int64(2), .null, .bool(false), .string("NFLX"), .timestamp(20)])
        #expect(batch.row(2)[3] == .null)
        guard case .string(let symbols) = batch.column(named: "symbol") else { Issue.record("no symbol column"); return }
        #expect(symbols.dictionary.count == 2, "EPE appears twice but is stored once")
    }

    @Test func slicingSharesStorageAndKeepsNulls() throws {
        let batch = try Self.sample()
        let middle = batch.slice(rows: 1 ..< 3)
        #expect(middle.rows == Array(batch.rows[1 ..< 3]))
        #expect(middle.slice(rows: 1 ..< 2).rows == [batch.row(2)])
        guard case .int64(let ids) = middle.columns[0], case .int64(let all) = batch.columns[0] else { return }
        #expect(ids.values.storage == all.values.storage, "a slice must not copy")
    }

    @Test func chunksCoverEveryRowOnce() throws {
        let batch = try Self.sample()
        let chunks = batch.chunks(ofAtMost: 3)
        #expect(chunks.map(\.rowCount) == [3, 1])
        #expect(chunks.flatMap(\.rows) == batch.rows)
    }

    @Test func gatherFollowsTheSelectionOrder() throws {
        let batch = try Self.sample()
        let gathered = batch.gather(SelectionVector([3, 1, 1]))
        #expect(gathered.rows == [batch.row(3), batch.row(1), batch.row(1)])
    }

    @Test func projectionPicksFieldsByName() throws {
        let batch = try Self.sample()
        #expect(batch.project(["symbol", "id"])?.schema.fields.map(\.name) == ["symbol", "id"])
        #expect(batch.project(["nope"]) == nil)
    }

    @Test func rejectsBadlyAssembledBatches() {
        let schema = Schema([Field("a", .int64), Field("b", .double)])
        #expect(throws: BatchError.columnCountMismatch(expected: 2, actual: 1)) {
            try RecordBatch(schema: schema, columns: [.int64(PrimitiveColumn([1]))])
        }
        #expect(throws: BatchError.typeMismatch(field: "b", expected: .double, actual: .int64)) {
            try RecordBatch(schema: schema, columns: [.int64(PrimitiveColumn([1])), .int64(PrimitiveColumn([2]))])
        }
        #expect(throws: BatchError.rowCountMismatch(field: "b", expected: 1, actual: 2)) {
            try RecordBatch(schema: schema, columns: [.int64(PrimitiveColumn([1])), .double(PrimitiveColumn([2, 3]))])
        }
        #expect(throws: BatchError.valueTypeMismatch(field: "a", expected: .int64, value: .string("x"))) {
            try RecordBatch(schema: schema, rows: [[.string("x"), .double(1)]])
        }
        #expect(throws: BatchError.valueTypeMismatch(field: "a", expected: .int64, value: .null)) {
            try RecordBatch(schema: schema, rows: [[.null, .double(1)]])
        }
    }

    @Test func errorsNameTheField() {
        let error = BatchError.typeMismatch(field: "price", expected: .double, actual: .string)
        #expect(error.description == "record batch, field 'price': column is string, schema says double")
    }

    @Test func emptyBatchHasTheSchema() {
        let empty = RecordBatch.empty(Self.schema)
        #expect(empty.rowCount == 0 && empty.columns.count == 5 && empty.columns.allSatisfy { $0.count == 0 })
    }
}
