import SluiceCore
import Testing
@testable import SluiceOrders

@Suite struct OrderParserTests {
    let parser = OrderParser()

    func parse(_ text: String, firstLine: Int = 1) -> ParsedOrders {
        parser.parse(Array(text.utf8), source: "orders.txt", firstLine: firstLine)
    }

    @Test func readsAGeneratedFileWithMalformedLines() {
        let generated = OrderGenerator.generate(.init(count: 20_000, seed: 12, malformedFraction: 0.01))
        let parsed = parser.parse(generated.text, source: "orders.txt")
        #expect(parsed.records.batch.schema == OrderSchema.schema)
        #expect(Order.orders(in: parsed.records.batch) == generated.orders)
        #expect(parsed.records.lines == 20_000)
        #expect(parsed.records.malformed == generated.malformedLines.count)
        #expect(parsed.malformedLineNumbers == generated.malformedLines.map(\.lineNumber))
        #expect(parsed.records.samples.count == DecodedRecords.sampleLimit)
        #expect(parsed.records.samples.map(\.line) == generated.malformedLines.prefix(10).map(\.lineNumber))
    }

    @Test func namesFileLineFieldAndProblemOfMalformedLines() {
        let parsed = parse("""
            2016-03-22 20:25:28,1,80,EPE,710,51.0,B
            2016-03-22 20:25:28,2,80,EPE,710,51.0
            2016-03-22 20:25:28,3,80,EPE,710,abc,B
            """, firstLine: 3019)
        #expect(parsed.records.batch.rowCount == 1)
        #expect(parsed.malformedLineNumbers == [3020, 3021])
        #expect(parsed.records.samples.map(\.description) == [
            "orders.txt line 3020: expected 7 comma-separated fields, found 6",
            "orders.txt line 3021: field 'price': 'abc' is not a decimal",
        ])
    }

    @Test func readsCRLFLinesAndAFinalLineWithoutNewline() {
        let lines = ["2016-03-22 20:25:28,1,80,EPE,710,51.0,B", "2016-03-22 20:25:29,2,70,NFLX,158,8.25,S"]
        let expected = lines.map { try! Order(line: $0) }
        #expect(Order.orders(in: parse(lines.joined(separator: "\r\n") + "\r\n").records.batch) == expected)
        #expect(Order.orders(in: parse(lines.joined(separator: "\r\n")).records.batch) == expected)
        #expect(Order.orders(in: parse(lines.joined(separator: "\n")).records.batch) == expected)
        #expect(Order.orders(in: parse(lines.joined(separator: "\r\n") + "\r").records.batch) == expected)
    }

    @Test func makesAnEmptyBatchOfNoLinesAndCountsEmptyLines() {
        let empty = parse("")
        #expect(empty.records.batch.rowCount == 0 && empty.records.lines == 0 && empty.records.batch.schema == OrderSchema.schema)
        let blank = parse("\n\r\n")
        #expect(blank.records.lines == 2 && blank.malformedLineNumbers == [1, 2])
        #expect(blank.records.samples.map(\.message) == ["empty line", "empty line"])
    }

    @Test func skipsLinesOverTheLimitAndReadsTheirNeighbours() {
        let good = Array("2016-03-22 20:25:28,1,80,EPE,710,51.0,B\n".utf8)
        let longLine = [UInt8](repeating: UInt8(ascii: "7"), count: 2 << 20) + [UInt8(ascii: "\n")]
        let longSymbol = Array("2016-03-22 20:25:28,2,80,".utf8) + [UInt8](repeating: UInt8(ascii: "X"), count: 2 << 20)
            + Array(",710,51.0,B\n".utf8)
        let parsed = parser.parse(good + longLine + longSymbol + good, source: "orders.txt")
        #expect(parsed.records.batch.rowCount == 2)
        #expect(parsed.malformedLineNumbers == [2, 3])
        #expect(parsed.records.samples.first?.message == "line of 2097152 bytes is longer than the 1048576-byte limit")
        let lenient = OrderParser(maximumLineBytes: 3 << 20).parse(longSymbol, source: "orders.txt")
        #expect(lenient.records.batch.rowCount == 1)
    }

    @Test func treatsBytesThatAreNotUTF8AsMalformedWithoutCrashing() {
        var random = Xoshiro256StarStar(seed: 21)
        let noise = (0..<200_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let parsed = parser.parse(noise, source: "noise")
        #expect(parsed.records.batch.rowCount == 0)
        #expect(parsed.records.malformed == parsed.records.lines)
        let latin1 = Array("2016-03-22 20:25:28,1,80,EPE".utf8) + [0xC9] + Array(",710,51.0,B".utf8)
        #expect(parser.parse(latin1, source: "orders.txt").records.samples.first?.message == "field 'symbol': 'EPE\u{FFFD}' is not a non-empty UTF-8 symbol")
    }

    /// The fast path must accept only what the strict reader accepts, with the same values: every line
    /// here, and thousands of randomly damaged generated lines, are read both ways and compared.
    @Test(arguments: [
        "2016-03-22 20:25:28,1,80,EPE,710,51.0,B", "2016-03-22 20:25:28,-1,80,EPE,710,51.0,B",
        "2016-03-22 20:25:28,1,80,EPE,-710,-51.0,S", "2016-03-22 20:25:28,1,80,Müller,710,51.0,B",
        "2016-03-22 20:25:28,1,80,E\rP,710,51.0,B", "2016-03-22 20:25:28,1,80,EPE,710,51,B",
        "2016-03-22 20:25:28,1,80,EPE,710,0.1234567890123,B", "2016-03-22 20:25:28,1,80,EPE,710,1234567890123456.5,B",
        "2016-03-22 20:25:28,123456789012345678,80,EPE,710,51.0,B", "2016-03-22 20:25:28,9223372036854775807,80,EPE,710,51.0,B",
        "2016-03-22 20:25:28,1,80,EPE,710,51.,B", "2016-03-22 20:25:28,1,80,EPE,710,.5,B", "2016-03-22 20:25:28,1,80,,710,51.0,B",
        "2016-03-22 20:25:28,1,80,EPE,710,51.0,BS", "2016-03-22 20:25:28,1,80,EPE,710,51.0,B,", "2016-03-22 20:25:28,1,80,EPE,710,51.0,",
        "2016-03-22 20:25:28,,80,EPE,710,51.0,B", "2016-03-22 20:25:2,1,80,EPE,710,51.0,B", "2016-03-22 20:25:288,1,80,EPE,710,51.0,B",
        "2016-03-22 20:25:28,1,80,EPE,710,5.1.0,B", "2016-03-22 20:25:28,1,80,EPE,710,51.0,B\r", "\r",
    ])
    func agreesWithTheStrictReaderOnEdgeCases(line: String) {
        expectParserAgreesWithStrictReader(on: Array(line.utf8))
    }

    @Test func agreesWithTheStrictReaderOnDamagedLines() {
        let generated = OrderGenerator.generate(.init(count: 3_000, seed: 13))
        var random = Xoshiro256StarStar(seed: 14)
        let damage: [UInt8] = Array(",.-+0123456789BS\r :TéÉ".utf8) + [0xC9, 0xFF]
        for line in generated.text.split(separator: UInt8(ascii: "\n")) {
            var bytes = Array(line)
            let position = Int(random.next(below: UInt64(bytes.count + 1)))
            let byte = damage[Int(random.next(below: UInt64(damage.count)))]
            switch random.next(below: 3) {
            case 0: bytes.insert(byte, at: position)
            case 1: if position < bytes.count { bytes[position] = byte }
            default: if position < bytes.count { bytes.remove(at: position) }
            }
            expectParserAgreesWithStrictReader(on: bytes)
        }
    }

    /// Parses `text` (one line, perhaps with a final `\r`, which ends a line) and compares with the strict reader.
    private func expectParserAgreesWithStrictReader(on text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let line = text.last == UInt8(ascii: "\r") ? Array(text.dropLast()) : text
        let strict = Result { () throws(OrderLineError) -> Order in try Order(lineBytes: line.span) }
        let parsed = parser.parse(text, source: "line")
        let shown = String(decoding: text, as: UTF8.self)
        switch strict {
        case .success(let order):
            #expect(Order.orders(in: parsed.records.batch) == [order], "\(shown)", sourceLocation: sourceLocation)
        case .failure(let error):
            #expect(parsed.records.batch.rowCount == 0, "\(shown)", sourceLocation: sourceLocation)
            #expect(parsed.records.samples.first?.message == error.description, "\(shown)", sourceLocation: sourceLocation)
        }
    }

    @Test func decodesForADirectoryInputAsItsRecordDecoder() {
        let text = Array("2016-03-22 20:25:28,1,80,EPE,710,51.0,B\nbad\n".utf8)
        let decoded = parser.decode(text, source: "input/chunkaa", firstLine: 1)
        #expect(decoded.batch.rowCount == 1 && decoded.lines == 2 && decoded.malformed == 1)
        #expect(decoded.samples.map(\.description) == ["input/chunkaa line 2: expected 7 comma-separated fields, found 1"])
        #expect(parser.schema == OrderSchema.schema)
    }
}
