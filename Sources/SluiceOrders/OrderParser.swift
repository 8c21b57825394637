import SluiceCore

/// Reads order text (`orders.txt`, or any piece of it) from UTF-8 bytes straight into a columnar batch
/// with `OrderSchema.schema`; as a `RecordDecoder` it lets a `DirectoryInput` read the lecture's pieces.
///
/// Lines end at `\n`; a `\r` before it is dropped and a final line without a newline counts, as with
/// SluiceCore's `LineSplitter`. A line that is not an order by `Order.init(lineBytes:)`'s rules, or is
/// longer than `maximumLineBytes`, is skipped and counted, and the first `DecodedRecords.sampleLimit` are
/// kept as problems such as `orders.txt line 3021: field 'price': 'abc' is not a decimal`. Bytes that are
/// not UTF-8 only ever make a line malformed.
///
/// Nothing is allocated per row: a well-formed line is decoded in one pass by `OrderLineFastPath`, which
/// also finds where it ends, and appended to typed column builders, its symbol interned in the string
/// column's dictionary. Every other line is cut out and decided by the strict `OrderLineFields`.
public struct OrderParser: RecordDecoder {
    /// Lines longer than this are malformed (1 MiB by default, as for `TextLineDecoder`).
    public let maximumLineBytes: Int

    /// Creates a parser.
    public init(maximumLineBytes: Int = 1 << 20) {
        self.maximumLineBytes = maximumLineBytes
    }

    public var schema: Schema { OrderSchema.schema }

    /// Parses every line of `bytes`; `source` names them in problems, `firstLine` is the first one's number.
    public func parse(_ bytes: [UInt8], source: String, firstLine: Int = 1) -> ParsedOrders {
        let text = bytes.span
        var columns = OrderColumnsBuilder(capacity: bytes.count / 40)
        var lineCount = 0
        var malformedLineNumbers: [Int] = []
        var samples: [InputProblem] = []
        var start = 0
        while start < text.count {
            lineCount += 1
            if let (fields, nextLine) = OrderLineFastPath.decode(text, from: start, maximumLineBytes: maximumLineBytes) {
                columns.append(fields, of: text)
                start = nextLine
                continue
            }
            let (content, nextLine) = Self.line(in: text, from: start)
            let line = text.extracting(content)
            do throws(OrderLineFailure) {
                guard line.count <= maximumLineBytes else { throw .lineLength(line.count, limit: maximumLineBytes) }
                columns.append(try OrderLineFields(line), of: line)
            } catch {
                let lineNumber = firstLine + lineCount - 1
                malformedLineNumbers.append(lineNumber)
                if samples.count < DecodedRecords.sampleLimit {
                    samples.append(InputProblem(source: source, line: lineNumber, message: error.error(quoting: line).description))
                }
            }
            start = nextLine
        }
        let records = DecodedRecords(batch: columns.finish(), lines: lineCount, malformed: malformedLineNumbers.count, samples: samples)
        return ParsedOrders(records: records, malformedLineNumbers: malformedLineNumbers)
    }

    public func decode(_ bytes: [UInt8], source: String, firstLine: Int) -> DecodedRecords {
        parse(bytes, source: source, firstLine: firstLine).records
    }

    /// The line starting at `start`: its bytes without `\n` or `\r\n` (or a final `\r`), and where the next begins.
    private static func line(in text: Span<UInt8>, from start: Int) -> (content: Range<Int>, nextLine: Int) {
        var end = start
        while end < text.count && text[end] != UInt8(ascii: "\n") {
            end += 1
        }
        let contentEnd = end > start && text[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
        return (start..<contentEnd, end + 1)
    }
}
