import SluiceCore

/// Writes rows as JSON lines that `JSONLinesDecoder` with the same schema reads back to the same rows.
///
/// One object per row, keys in schema order, ending in `\n`. Null fields are left out, as Spark's JSON
/// writer does by default. Strings escape `"`, `\` and control characters (`\n`, `\u0001`), and keep
/// other characters as UTF-8; timestamps are strings `yyyy-MM-dd HH:mm:ss[.ffffff]`; non-finite
/// doubles are the strings `"NaN"`, `"Infinity"` and `"-Infinity"`.
struct JSONLinesEncoder {
    /// The text of every row of `batches`, which have `schema`.
    func encode(_ batches: [RecordBatch], schema: Schema) -> [UInt8] {
        let keys: [[UInt8]] = schema.fields.map { field in
            var key: [UInt8] = []
            Self.appendString(Array(field.name.utf8).span, to: &key)
            key.append(UInt8(ascii: ":"))
            return key
        }
        var output: [UInt8] = []
        output.reserveCapacity(batches.reduce(0) { $0 + $1.rowCount } * 24 * max(1, schema.count))
        for batch in batches {
            for row in 0 ..< batch.rowCount {
                output.append(UInt8(ascii: "{"))
                var isFirst = true
                for (index, column) in batch.columns.enumerated() where !column.isNull(row) {
                    if !isFirst { output.append(UInt8(ascii: ",")) }
                    isFirst = false
                    output.append(contentsOf: keys[index])
                    appendValue(column, row: row, to: &output)
                }
                output.append(contentsOf: "}\n".utf8)
            }
        }
        return output
    }

    private func appendValue(_ column: ColumnVector, row: Int, to output: inout [UInt8]) {
        switch column {
        case .int64(let values):
            ValueText.appendInteger(values.values[row], to: &output)
        case .timestamp(let values):
            output.append(UInt8(ascii: "\""))
            Timestamp(microseconds: values.values[row]).appendText(to: &output)
            output.append(UInt8(ascii: "\""))
        case .double(let values):
            let value = values.values[row]
            let text = ValueText.double(value)
            output.append(contentsOf: (value.isFinite ? text : "\"\(text)\"").utf8)
        case .bool(let values):
            output.append(contentsOf: (values.values[row] ? "true" : "false").utf8)
        case .string(let strings):
            strings.dictionary.withUTF8(at: strings.codes[row]) { Self.appendString($0, to: &output) }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// `text` as a JSON string, in quotes.
    static func appendString(_ text: Span<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for index in text.indices {
            let byte = text[index]
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
            case 0 ..< 0x20:
                output.append(contentsOf: #"\u00"#.utf8)
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0xF)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
