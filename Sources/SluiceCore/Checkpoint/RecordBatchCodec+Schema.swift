extension RecordBatchCodec {
    /// Writes the field count, then each field's name (UTF-8 length and bytes), type code and nullability.
    static func writeSchema(_ schema: Schema, to writer: inout CheckpointByteWriter) {
        writer.appendUInt32(UInt32(schema.count))
        for field in schema.fields {
            writer.appendUInt32(UInt32(field.name.utf8.count))
            writer.append(contentsOf: field.name.utf8)
            writer.appendUInt8(field.type.checkpointCode)
            writer.appendUInt8(field.isNullable ? 1 : 0)
        }
    }

    /// Reads what `writeSchema` wrote; an unknown type, a flag other than 0 or 1 or a repeated name is
    /// an error. `place` says which batch, for errors.
    static func readSchema(from reader: inout CheckpointByteReader, place: String) throws(CheckpointError) -> Schema {
        let count = try reader.readUInt32("\(place)the field count")
        var fields: [Field] = []
        var names: Set<String> = []
        for index in 0 ..< Int(count) {
            let length = try reader.readUInt32("\(place)the name length of field \(index)")
            let name = try reader.readString(count: Int(length), "\(place)the name of field \(index)")
            let code = try reader.readUInt8("\(place)the type of field '\(name)'")
            guard let type = DataType(checkpointCode: code) else {
                throw reader.corrupt("\(place)field '\(name)': unknown type code \(code)")
            }
            let nullable = try reader.readUInt8("\(place)the nullability of field '\(name)'")
            guard nullable <= 1 else { throw reader.corrupt("\(place)field '\(name)': nullability flag \(nullable), not 0 or 1") }
            guard names.insert(name).inserted else { throw reader.corrupt("\(place)field name '\(name)' appears twice") }
            fields.append(Field(name, type, nullable: nullable == 1))
        }
        return Schema(fields)
    }
}

extension DataType {
    /// This type's code in a record batch payload; fixed, whatever order the cases are declared in.
    var checkpointCode: UInt8 {
        switch self {
        case .int64: 1
        case .double: 2
        case .bool: 3
        case .string: 4
        case .timestamp: 5
        }
    }

    /// The type whose payload code is `code`, or nil.
    init?(checkpointCode code: UInt8) {
        guard let type = DataType.allCases.first(where: { $0.checkpointCode == code }) else { return nil }
        self = type
    }
}
