import Testing
@testable import SluiceOrders

/// Malformed lines: of every kind, at the given fraction, in place of orders whose ids they leave out.
@Suite struct OrderGeneratorMalformedTests {
    static let configuration = OrderGenerator.Configuration(count: 100_000, seed: 5, malformedFraction: 0.01)
    static let generated = OrderGenerator.generate(configuration)
    let generated = Self.generated

    @Test func replacesAboutTheGivenFractionOfLinesWithEveryKind() {
        let malformed = generated.malformedLines
        #expect((850...1150).contains(malformed.count), "\(malformed.count) malformed lines")
        for kind in MalformedOrderKind.allCases {
            let count = malformed.count { $0.kind == kind }
            #expect((90...200).contains(count), "\(count) lines of kind \(kind)")
        }
        #expect(generated.orders.count + malformed.count == Self.configuration.count)
    }

    @Test func leavesOutTheOrderIdsOfMalformedLines() {
        let missing = Set(1...Int64(Self.configuration.count)).subtracting(generated.orders.map(\.orderId))
        #expect(missing == Set(generated.malformedLines.map { Int64($0.lineNumber) }))
    }

    @Test func changesNothingButTheMalformedLines() {
        let clean = OrderGenerator.generate(.init(count: Self.configuration.count, seed: Self.configuration.seed))
        let malformedNumbers = Set(generated.malformedLines.map(\.lineNumber))
        let lines = generated.text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let cleanLines = clean.text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        #expect(lines.count == cleanLines.count)
        for (index, (line, cleanLine)) in zip(lines, cleanLines).enumerated() {
            #expect((line == cleanLine) != malformedNumbers.contains(index + 1), "line \(index + 1)")
        }
    }

    @Test func placesEachMalformedLineAtItsLineNumber() {
        let lines = generated.text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for malformed in generated.malformedLines {
            #expect(Array(lines[malformed.lineNumber - 1]) == malformed.bytes)
        }
    }

    @Test(arguments: [
        (MalformedOrderKind.wrongFieldCount, "2016-03-22 20:25:28,1,80,EPE,710,51.0", nil as String?),
        (.nonNumericAmount, "2016-03-22 20:25:28,1,80,EPE,N/A,51.0,B", "amount"),
        (.badPrice, "2016-03-22 20:25:28,1,80,EPE,710,$51.0,B", "price"),
        (.badTimestamp, "2016-03-22T20:25:28,1,80,EPE,710,51.0,B", "time"),
        (.badSide, "2016-03-22 20:25:28,1,80,EPE,710,51.0,b", "buy"),
        (.emptyLine, "", nil),
    ])
    func spoilsTheLectureLineAsDocumented(kind: MalformedOrderKind, line: String, fieldName: String?) throws {
        let order = try Order(line: "2016-03-22 20:25:28,1,80,EPE,710,51.0,B")
        let spoiled = kind.line(spoiling: order)
        #expect(spoiled == Array(line.utf8))
        let error = #expect(throws: OrderLineError.self) { try Order(lineBytes: spoiled.span) }
        #expect(error?.fieldName == fieldName)
    }

    @Test func spoilsTheSymbolWithALatin1Byte() throws {
        let order = try Order(line: "2016-03-22 20:25:28,1,80,EPE,710,51.0,B")
        let spoiled = MalformedOrderKind.invalidUTF8.line(spoiling: order)
        #expect(spoiled == Array("2016-03-22 20:25:28,1,80,EPE".utf8) + [0xC9] + Array(",710,51.0,B".utf8))
        #expect(String(validating: spoiled, as: UTF8.self) == nil)
        #expect(throws: OrderLineError(fieldName: "symbol", problem: "'EPE\u{FFFD}' is not a non-empty UTF-8 symbol")) {
            try Order(lineBytes: spoiled.span)
        }
    }
}
