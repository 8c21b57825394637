import SluiceCore

/// Writes rows as CSV that `CSVDecoder` with the same schema and delimiter reads back to the same rows.
///
/// One record per row, ending in `\n`. A null is an empty field; a string is quoted when it is empty
/// (so that it is not read as null) or holds the delimiter, a quote, `\r` or `\n`, and its quotes are
/// doubled. Numbers, booleans and timestamps are written as `ValueText` and `Timestamp.appendText` do.
struct CSVEncoder {
    let delimiter: UInt8
    /// Whether the text starts with a record of the field names.
    let header: Bool

    init(header: Bool, delimiter: Character) {
        precondition(delimiter.isASCII && delimiter.utf8.count == 1 && !"\"\r\n".contains(delimiter),
                     "CSV writer: the delimiter must be one ASCII character other than a quote or a line break, got '\(delimiter)'")
        self.header = header
        self.delimiter = delimiter.asciiValue!
    }

    /// The CSV text of every row of `batches`, which have `schema`.
    func encode(_ batches: [RecordBatch], schema: Schema) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(batches.reduce(0) { $0 + $1.rowCount } * 16 * max(1, schema.count))
        if header {
            for (index, field) in schema.fields.enumerated() {
                if index > 0 { output.append(delimiter) }
                appendString(Array(field.name.utf8).span, to: &output)
            }
            output.append(UInt8(ascii: "\n"))
        }
        for batch in batches {
            for row in 0 ..< batch.rowCount {
                for (index, column) in batch.columns.enumerated() {
                    if index > 0 { output.append(delimiter) }
                    appendCell(column, row: row, to: &output)
                }
                output.append(UInt8(ascii: "\n"))
            }
        }
        return output
    }

    private func appendCell(_ column: ColumnVector, row: Int, to output: inout [UInt8]) {
        guard !column.isNull(row) else { return }
        switch column {
        case .int64(let values): ValueText.appendInteger(values.values[row], to: &output)
        case .timestamp(let values): Timestamp(microseconds: values.values[row]).appendText(to: &output)
        case .double(let values): output.append(contentsOf: ValueText.double(values.values[row]).utf8)
        case .bool(let values): output.append(contentsOf: (values.values[row] ? "true" : "false").utf8)
        case .string(let strings): strings.dictionary.withUTF8(at: strings.codes[row]) { appendString($0, to: &output) }
        }
    }

    private func appendString(_ text: Span<UInt8>, to output: inout [UInt8]) {
        var needsQuotes = text.isEmpty
        for index in text.indices where !needsQuotes {
            let byte = text[index]
            needsQuotes = byte == delimiter || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        }
        guard needsQuotes else {
            for index in text.indices { output.append(text[index]) }
            return
        }
        output.append(UInt8(ascii: "\""))
        for index in text.indices {
            if text[index] == UInt8(ascii: "\"") { output.append(UInt8(ascii: "\"")) }
            output.append(text[index])
        }
        output.append(UInt8(ascii: "\""))
    }
}
