import Testing
@testable import SluiceCore

@Suite struct RecordBatchCodecTests {
    static func schema(nullable: Bool) -> Schema {
        Schema([
            Field("id", .int64, nullable: nullable), Field("price", .double, nullable: nullable),
            Field("buy", .bool, nullable: nullable), Field("symbol", .string, nullable: nullable),
            Field("time", .timestamp, nullable: nullable),
        ])
    }

    /// `count` rows of every type; with `nulls`, row r's field f is null when (r + f) % 5 == 0.
    static func batch(rows count: Int, nulls: Bool) throws -> RecordBatch {
        let symbols = ["AAPL", "", "ÉPÉE", "NFLX", "a much longer symbol, to vary lengths"]
        let rows: [[Value]] = (0 ..< count).map { row in
            let values: [Value] = [
                .int64(Int64(row) * 1_000_003 - 7), .double(row == 1 ? -0.0 : Double(row) / 3),
                .bool(row % 3 == 0), .string(symbols[row % symbols.count] + String(row % 11)),
                .timestamp(1_700_000_000_000_000 + Int64(row) * 60_000_000),
            ]
            return values.indices.map { field in nulls && (row + field) % 5 == 0 ? .null : values[field] }
        }
        return try RecordBatch(schema: schema(nullable: nulls), rows: rows)
    }

    func roundTrip(_ batch: RecordBatch) throws -> RecordBatch {
        try RecordBatchCodec.decode(RecordBatchCodec.encode(batch), path: "state/1.snapshot")
    }

    @Test(arguments: [false, true])
    func everyTypeRoundTrips(nulls: Bool) throws {
        let batch = try Self.batch(rows: 200, nulls: nulls)
        let decoded = try roundTrip(batch)
        #expect(decoded.schema == batch.schema)
        #expect(decoded.rowCount == 200)
        #expect(decoded.rows == batch.rows)
        #expect(decoded.columns.map { $0.validity == nil } == batch.columns.map { $0.validity == nil })
        guard case .double(let prices) = decoded.columns[1], case .string(let symbols) = decoded.columns[3],
              case .string(let original) = batch.columns[3] else { Issue.record("columns changed type"); return }
        #expect(prices.values[1].bitPattern == (-0.0).bitPattern, "the sign of zero survives")
        #expect(symbols.dictionary.strings == original.dictionary.strings)
        #expect(symbols.dictionary.hashes == original.dictionary.hashes, "hashes are recomputed as the builder computes them")
    }

    @Test func anEmptyBatchRoundTrips() throws {
        let empty = RecordBatch.empty(Self.schema(nullable: true))
        let decoded = try roundTrip(empty)
        #expect(decoded.schema == empty.schema && decoded.rowCount == 0 && decoded.columns.allSatisfy { $0.count == 0 })
        let fieldless = try roundTrip(RecordBatch.empty(Schema([])))
        #expect(fieldless.schema.count == 0 && fieldless.rowCount == 0)
    }

    @Test(arguments: [0 ..< 130, 3 ..< 70, 64 ..< 129, 65 ..< 65, 127 ..< 130])
    func aSliceEncodesItsRowsAlone(rows: Range<Int>) throws {
        let slice = try Self.batch(rows: 130, nulls: true).slice(rows: rows)
        let decoded = try roundTrip(slice)
        #expect(decoded.rowCount == rows.count)
        #expect(decoded.rows == slice.rows)
    }

    @Test func severalBatchesShareOnePayload() throws {
        let upserts = try Self.batch(rows: 10, nulls: false)
        let removals = try RecordBatch(schema: Schema([Field("id", .int64)]), rows: [[.int64(4)], [.int64(9)]])
        let batches = [upserts, RecordBatch.empty(upserts.schema), removals, try Self.batch(rows: 70, nulls: true).slice(rows: 5 ..< 69)]
        let decoded = try RecordBatchCodec.decodeBatches(RecordBatchCodec.encode(batches), path: "state/3.delta")
        #expect(decoded.map(\.schema) == batches.map(\.schema))
        #expect(decoded.map(\.rows) == batches.map(\.rows))
        #expect(try RecordBatchCodec.decodeBatches(RecordBatchCodec.encode([RecordBatch]()), path: "p").isEmpty)
        #expect(throws: CheckpointError.corrupt(path: "state/3.delta", reason: "the payload holds 4 record batches where 1 was expected")) {
            try RecordBatchCodec.decode(RecordBatchCodec.encode(batches), path: "state/3.delta")
        }
    }

    @Test func everyTruncationIsAnErrorNamingWhatIsMissing() throws {
        let bytes = RecordBatchCodec.encode([try Self.batch(rows: 20, nulls: true), try Self.batch(rows: 3, nulls: false)])
        for length in 0 ..< bytes.count {
            #expect(throws: CheckpointError.self, "cut at \(length) of \(bytes.count)") {
                try RecordBatchCodec.decodeBatches(Array(bytes[..<length]), path: "p")
            }
        }
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "empty record batch payload")) {
            try RecordBatchCodec.decodeBatches([], path: "p")
        }
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "truncated: batch 1, column 'time': the values: 3 values of 8 bytes needed at byte \(bytes.count - 24), 23 remain")) {
            try RecordBatchCodec.decodeBatches(Array(bytes.dropLast()), path: "p")
        }
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "1 bytes after the last of 2 record batches")) {
            try RecordBatchCodec.decodeBatches(bytes + [0], path: "p")
        }
    }

    @Test func aWrongFormatByteIsNamed() throws {
        var bytes = RecordBatchCodec.encode(try Self.batch(rows: 2, nulls: false))
        bytes[0] = 2
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "record batch format 2, this build reads format 1")) {
            try RecordBatchCodec.decode(bytes, path: "p")
        }
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "record batch format 123, this build reads format 1")) {
            try RecordBatchCodec.decode(Array(#"{"puts":[]}"#.utf8), path: "p")
        }
    }

    /// One column `c` of `type` with the given rows: the payload ends with its validity and values.
    func encodedColumn(_ type: DataType, nullable: Bool = false, _ rows: [Value]) throws -> [UInt8] {
        RecordBatchCodec.encode(try RecordBatch(schema: Schema([Field("c", type, nullable: nullable)]), rows: rows.map { [$0] }))
    }

    @Test func inconsistentContentIsNamed() throws {
        var bools = try encodedColumn(.bool, [.bool(true), .bool(false)])
        bools[bools.count - 1] = 2
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "column 'c': the values: byte \(bools.count - 1) is 2, not a boolean (0 or 1)")) {
            try RecordBatchCodec.decode(bools, path: "p")
        }
        var codes = try encodedColumn(.string, [.string("x"), .string("y")])
        codes[codes.count - 4] = 2
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "column 'c': row 1 has code 2, outside the dictionary of 2 entries")) {
            try RecordBatchCodec.decode(codes, path: "p")
        }
        var type = try encodedColumn(.int64, [.int64(1)])
        type[14] = 9
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "field 'c': unknown type code 9")) {
            try RecordBatchCodec.decode(type, path: "p")
        }
        var nulls = try encodedColumn(.int64, nullable: true, [.int64(1), .null])
        nulls[15] = 0
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "column 'c': 1 nulls in a non-nullable field")) {
            try RecordBatchCodec.decode(nulls, path: "p")
        }
        var lengths = try encodedColumn(.string, [.string("abc")])
        lengths[29] = 200
        #expect(throws: CheckpointError.corrupt(path: "p", reason: "truncated: column 'c': the dictionary's 1 entries: 200 bytes needed at byte 33, 7 remain")) {
            try RecordBatchCodec.decode(lengths, path: "p")
        }
    }

    @Test func aNullRowMayKeepACodeOutsideTheDictionary() throws {
        let allNull = try RecordBatch(schema: Schema([Field("c", .string, nullable: true)]), rows: [[.null], [.null]])
        #expect(try roundTrip(allNull).rows == [[.null], [.null]])
    }
}
