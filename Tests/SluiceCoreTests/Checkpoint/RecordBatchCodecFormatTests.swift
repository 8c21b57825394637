import Testing
@testable import SluiceCore

@Suite struct RecordBatchCodecFormatTests {
    @Test func theDocumentedExampleIsWhatIsWritten() throws {
        let schema = Schema([Field("key", .string), Field("count", .int64, nullable: true)])
        let batch = try RecordBatch(schema: schema, rows: [[.string("AAPL"), .int64(7)], [.string("AAPL"), .null]])
        let expected: [UInt8] = [
            0x01, 0x01, 0, 0, 0, 0x02, 0, 0, 0,
            0x03, 0, 0, 0, 0x6b, 0x65, 0x79, 0x04, 0x00,
            0x05, 0, 0, 0, 0x63, 0x6f, 0x75, 0x6e, 0x74, 0x01, 0x01,
            0x02, 0, 0, 0, 0, 0, 0, 0,
            0x00, 0x01, 0, 0, 0, 0x04, 0, 0, 0, 0x41, 0x41, 0x50, 0x4c, 0, 0, 0, 0, 0, 0, 0, 0,
            0x01, 0x01, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        ]
        #expect(RecordBatchCodec.encode(batch) == expected)
    }

    @Test func aSlicedBitmapIsWrittenAsAFreshOneWouldBe() throws {
        let schema = Schema([Field("n", .int64, nullable: true)])
        let rows: [[Value]] = (0 ..< 200).map { $0 % 3 == 0 ? [.null] : [.int64(Int64($0))] }
        let whole = try RecordBatch(schema: schema, rows: rows)
        for range in [1 ..< 200, 63 ..< 131, 64 ..< 128, 69 ..< 71] {
            let fresh = try RecordBatch(schema: schema, rows: Array(rows[range]))
            #expect(RecordBatchCodec.encode(whole.slice(rows: range)) == RecordBatchCodec.encode(fresh), "rows \(range)")
        }
    }
}
