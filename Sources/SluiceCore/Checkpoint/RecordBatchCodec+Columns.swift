extension RecordBatchCodec {
    /// Writes a column's validity flag (and bitmap), then its values.
    static func writeColumn(_ column: ColumnVector, to writer: inout CheckpointByteWriter) {
        if let validity = column.validity {
            writer.appendUInt8(1)
            let words = validity.packedWords
            writer.appendMemory(of: words.span, byteCount: (validity.count + 7) / 8)
        } else {
            writer.appendUInt8(0)
        }
        switch column {
        case .int64(let integers), .timestamp(let integers): integers.values.withSpan { writer.appendMemory(of: $0) }
        case .double(let doubles): doubles.values.withSpan { writer.appendMemory(of: $0) }
        case .bool(let bools): bools.values.withSpan { writer.appendMemory(of: $0) }
        case .string(let strings):
            let dictionary = strings.dictionary
            writer.appendUInt32(UInt32(dictionary.count))
            for code in 0 ..< dictionary.count {
                writer.appendUInt32(UInt32(dictionary.offsets[code + 1] - dictionary.offsets[code]))
            }
            let utf8 = dictionary.bytes
            writer.appendMemory(of: utf8.span, byteCount: Int(dictionary.offsets[dictionary.count]))
            strings.codes.withSpan { writer.appendMemory(of: $0) }
        }
    }

    /// Reads a column of `field`'s type with `rowCount` rows; `place` names the batch and column in errors.
    static func readColumn(_ field: Field, rowCount: Int, from reader: inout CheckpointByteReader, place: String) throws(CheckpointError) -> ColumnVector {
        let validity = try readValidity(field, rowCount: rowCount, from: &reader, place: place)
        switch field.type {
        case .int64:
            return .int64(PrimitiveColumn(ColumnBuffer(try reader.values(count: rowCount, as: Int64.self, "\(place): the values")), validity: validity))
        case .timestamp:
            return .timestamp(PrimitiveColumn(ColumnBuffer(try reader.values(count: rowCount, as: Int64.self, "\(place): the values")), validity: validity))
        case .double:
            return .double(PrimitiveColumn(ColumnBuffer(try reader.values(count: rowCount, as: Double.self, "\(place): the values")), validity: validity))
        case .bool:
            return .bool(PrimitiveColumn(ColumnBuffer(try reader.bools(count: rowCount, "\(place): the values")), validity: validity))
        case .string:
            return .string(try readStrings(rowCount: rowCount, validity: validity, from: &reader, place: place))
        }
    }

    /// Reads the validity flag and, when it is 1, the bitmap; nulls in a non-nullable field are an error.
    private static func readValidity(_ field: Field, rowCount: Int, from reader: inout CheckpointByteReader, place: String) throws(CheckpointError) -> ValidityBitmap? {
        let flag = try reader.readUInt8("\(place): the validity flag")
        guard flag <= 1 else { throw reader.corrupt("\(place): validity flag \(flag), not 0 or 1") }
        guard flag == 1 else { return nil }
        let validity = ValidityBitmap(packedWords: try reader.validityWords(rowCount: rowCount, "\(place): the validity bitmap"), count: rowCount)
        if !field.isNullable, case let nulls = validity.nullCount, nulls > 0 {
            throw reader.corrupt("\(place): \(nulls) nulls in a non-nullable field")
        }
        return validity
    }

    /// Reads a dictionary (entry count, entry lengths, UTF-8 bytes) and one code per row. A code outside
    /// the dictionary is an error unless its row is null (a null row's code is never read).
    private static func readStrings(rowCount: Int, validity: ValidityBitmap?, from reader: inout CheckpointByteReader, place: String) throws(CheckpointError) -> StringColumn {
        let entryCount = Int(try reader.readUInt32("\(place): the dictionary size"))
        let lengths = try reader.values(count: entryCount, as: UInt32.self, "\(place): the dictionary's entry lengths")
        var offsets = ContiguousArray<Int32>()
        offsets.reserveCapacity(entryCount + 1)
        offsets.append(0)
        var end = 0
        for length in lengths {
            end += Int(length)
            guard end <= Int(Int32.max) else { throw reader.corrupt("\(place): dictionary entries of more than \(Int32.max) bytes in all") }
            offsets.append(Int32(end))
        }
        let bytes = try reader.readBytes(count: end, "\(place): the dictionary's \(entryCount) entries")
        var hashes = ContiguousArray<UInt64>()
        hashes.reserveCapacity(entryCount)
        let utf8 = bytes.span
        for code in 0 ..< entryCount {
            hashes.append(HashMixing.hash(bytes: utf8.extracting(Int(offsets[code]) ..< Int(offsets[code + 1]))))
        }
        let codes = try reader.values(count: rowCount, as: Int32.self, "\(place): the codes")
        let limit = UInt32(entryCount)
        for row in codes.indices where UInt32(bitPattern: codes[row]) >= limit && validity?.isValid(row) ?? true {
            throw reader.corrupt("\(place): row \(row) has code \(codes[row]), outside the dictionary of \(entryCount) entries")
        }
        let dictionary = StringDictionary(bytes: bytes, offsets: offsets, hashes: hashes)
        return StringColumn(codes: ColumnBuffer(codes), dictionary: dictionary, validity: validity)
    }
}
