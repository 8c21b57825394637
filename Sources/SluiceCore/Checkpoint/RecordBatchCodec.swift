/// A binary, columnar encoding of record batches, for checkpointed state: column memory is written as it
/// is and read back in bulk, so loading a snapshot of 100,000 keys copies a few buffers instead of boxing
/// every value.
///
/// A payload holds one or more batches (a state delta holds its upserts and its removals). All integers
/// are little-endian. For example, one batch of the rows `("AAPL", 7)` and `("AAPL", null)`:
///
/// ```
/// 01                          format 1 (checked on read)
/// 01 00 00 00                 1 batch; then each batch:
/// 02 00 00 00                 2 fields; each is its name's UTF-8 length and bytes, type, nullability:
/// 03 00 00 00 6b 65 79 04 00      "key", string, not nullable
/// 05 00 00 00 63 6f 75 6e 74 01 01    "count", int64, nullable
/// 02 00 00 00 00 00 00 00     2 rows; then each column, in schema order:
/// 00                          "key": no validity bitmap,
/// 01 00 00 00 04 00 00 00 41 41 50 4c   a dictionary of 1 entry: its length (4), its bytes ("AAPL"),
/// 00 00 00 00 00 00 00 00     and a 4-byte code per row
/// 01 01                       "count": a validity bitmap of ⌈rows / 8⌉ bytes, bit r set when row r holds a value,
/// 07 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00   and 8 bytes per row (a null row's are unspecified)
/// ```
///
/// Types are coded 1 int64, 2 double (IEEE 754 bits), 3 bool (one byte, 0 or 1), 4 string (the column's
/// dictionary, then codes), 5 timestamp (microseconds). A sliced batch is written as its rows alone; a
/// string column's whole dictionary is written even when a slice uses part of it. Decoding checks every
/// length, type code, boolean and string code, so a truncated or inconsistent payload is a
/// `CheckpointError.corrupt` saying what is wrong and where, never a crash.
public enum RecordBatchCodec {
    /// The format byte this build writes and reads.
    public static let format: UInt8 = 1

    /// The payload holding `batch` alone.
    public static func encode(_ batch: RecordBatch) -> [UInt8] {
        encode([batch])
    }

    /// The payload holding `batches`, in order.
    public static func encode(_ batches: [RecordBatch]) -> [UInt8] {
        var writer = CheckpointByteWriter(capacity: 5 + batches.reduce(0) { $0 + encodedSizeEstimate($1) })
        writer.appendUInt8(format)
        writer.appendUInt32(UInt32(batches.count))
        for batch in batches {
            writeSchema(batch.schema, to: &writer)
            writer.appendUInt64(UInt64(batch.rowCount))
            for column in batch.columns { writeColumn(column, to: &writer) }
        }
        return writer.bytes
    }

    /// The single batch in `bytes`, or why they do not hold exactly one; `path` names the file in errors.
    public static func decode(_ bytes: [UInt8], path: String) throws(CheckpointError) -> RecordBatch {
        let batches = try decodeBatches(bytes, path: path)
        guard batches.count == 1 else {
            throw .corrupt(path: path, reason: "the payload holds \(batches.count) record batches where 1 was expected")
        }
        return batches[0]
    }

    /// Every batch in `bytes`, in order, or why they are not a valid payload; `path` names the file in errors.
    public static func decodeBatches(_ bytes: [UInt8], path: String) throws(CheckpointError) -> [RecordBatch] {
        var reader = CheckpointByteReader(bytes, path: path)
        guard !bytes.isEmpty else { throw reader.corrupt("empty record batch payload") }
        let found = try reader.readUInt8("the format byte")
        guard found == format else {
            throw reader.corrupt("record batch format \(found), this build reads format \(format)")
        }
        let count = try reader.readUInt32("the batch count")
        var batches: [RecordBatch] = []
        for index in 0 ..< Int(count) {
            let place = count == 1 ? "" : "batch \(index), "
            let schema = try readSchema(from: &reader, place: place)
            let rows = try reader.readUInt64("\(place)the row count")
            guard let rowCount = Int(exactly: rows), rowCount <= Int(Int32.max) else {
                throw reader.corrupt("\(place)row count \(rows) is more than \(Int32.max), the most a payload holds")
            }
            var columns: [ColumnVector] = []
            for field in schema.fields {
                columns.append(try readColumn(field, rowCount: rowCount, from: &reader, place: "\(place)column '\(field.name)'"))
            }
            batches.append(RecordBatch(validated: schema, columns: columns, rowCount: rowCount))
        }
        guard reader.remaining == 0 else {
            throw reader.corrupt("\(reader.remaining) bytes after the last of \(count) record batches")
        }
        return batches
    }

    /// About how many bytes `batch` encodes to, so the writer allocates once.
    private static func encodedSizeEstimate(_ batch: RecordBatch) -> Int {
        batch.columns.reduce(64 * batch.schema.count) { size, column in
            if case .string(let strings) = column {
                return size + 4 * strings.count + 4 * strings.dictionary.count + strings.dictionary.bytes.count + batch.rowCount / 8 + 8
            }
            return size + 8 * column.count + column.count / 8 + 8
        }
    }
}
