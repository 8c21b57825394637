/// Decodes text into one row per line, in a single string column `value` (Spark's socket and text sources).
///
/// A line ends at `\n`; a `\r` before it is dropped. Lines that are not valid UTF-8 or are longer than
/// `maximumLineBytes` are skipped and counted, with their line numbers.
public struct TextLineDecoder: RecordDecoder {
    public static let valueSchema = Schema([Field("value", .string)])
    /// Lines longer than this are malformed (1 MiB by default).
    public let maximumLineBytes: Int

    public init(maximumLineBytes: Int = 1 << 20) {
        self.maximumLineBytes = maximumLineBytes
    }

    public var schema: Schema { Self.valueSchema }

    public func decode(_ bytes: [UInt8], source: String, firstLine: Int) -> DecodedRecords {
        var values = StringColumnBuilder(deduplicating: false)
        var result = DecodedRecords(batch: .empty(schema), lines: 0)
        LineSplitter.forEachLine(in: bytes) { line in
            let lineNumber = firstLine + result.lines
            result.lines += 1
            if let problem = problem(with: line) {
                result.recordMalformed(InputProblem(source: source, line: lineNumber, message: problem))
            } else {
                values.append(utf8: line)
            }
        }
        result.batch = RecordBatch(validated: schema, columns: [.string(values.finish())], rowCount: values.count)
        return result
    }

    private func problem(with line: Span<UInt8>) -> String? {
        if line.count > maximumLineBytes {
            return "line of \(line.count) bytes is longer than the \(maximumLineBytes)-byte limit"
        }
        return UTF8Validation.problem(in: line).map { "not valid UTF-8 (\($0))" }
    }
}

/// Finds the lines of a byte buffer without copying them.
public enum LineSplitter {
    /// Calls `body` with each line of `bytes`, without its `\n` or `\r\n`; a final line without a newline
    /// is included, an empty buffer has no lines.
    public static func forEachLine(in bytes: [UInt8], _ body: (Span<UInt8>) -> Void) {
        let span = bytes.span
        var start = 0
        var index = 0
        while index < span.count {
            if span[index] == UInt8(ascii: "\n") {
                let end = index > start && span[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
                body(span.extracting(start ..< end))
                start = index + 1
            }
            index += 1
        }
        if start < span.count {
            let end = span[span.count - 1] == UInt8(ascii: "\r") ? span.count - 1 : span.count
            body(span.extracting(start ..< end))
        }
    }

    /// The offset just past the last `\n` of `bytes` (0 if there is none): where the complete lines end.
    public static func endOfLastCompleteLine(in bytes: [UInt8]) -> Int {
        bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    }
}
