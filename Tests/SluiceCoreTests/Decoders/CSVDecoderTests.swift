import Testing
@testable import SluiceCore

@Suite struct CSVDecoderTests {
    static let schema = Schema([
        Field("id", .int64), Field("price", .double, nullable: true), Field("ok", .bool, nullable: true),
        Field("name", .string, nullable: true), Field("at", .timestamp, nullable: true),
    ])

    func decode(_ text: String, schema: Schema = schema, header: Bool = false, firstLine: Int = 1) -> DecodedRecords {
        CSVDecoder(schema: schema, header: header).decode(Array(text.utf8), source: "orders.csv", firstLine: firstLine)
    }

    func messages(_ decoded: DecodedRecords) -> [String] { decoded.samples.map(\.description) }

    @Test func readsEveryType() {
        let decoded = decode("1,2.5,true,apple,2024-02-29 23:59:58\n-7,-1e3,FALSE,pear,1970-01-01 00:00:00.000001\n")
        #expect(decoded.batch.rows == [
            [.int64(1), .double(2.5), .bool(true), .string("apple"), .timestamp(Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 58).microseconds)],
            [.int64(-7), .double(-1000), .bool(false), .string("pear"), .timestamp(1)],
        ])
        #expect(decoded.lines == 2 && decoded.malformed == 0)
    }

    @Test func emptyUnquotedFieldsAreNullAndQuotedEmptyIsTheEmptyString() {
        let decoded = decode("1,,,,\n2,,,\"\",\n")
        #expect(decoded.batch.rows == [
            [.int64(1), .null, .null, .null, .null],
            [.int64(2), .null, .null, .string(""), .null],
        ])
    }

    @Test func quotedFieldsHoldDelimitersQuotesAndLineBreaks() {
        let decoded = decode("1,,,\"a,b\",\n2,,,\"say \"\"hi\"\"\",\n3,,,\"two\nlines\r\nhere\",\n4,,,5\" screen,\n5,,,x,y\n")
        #expect(decoded.batch.rows.map { $0[3] } == [.string("a,b"), .string("say \"hi\""), .string("two\nlines\r\nhere"), .string("5\" screen")])
        #expect(decoded.lines == 7, "the quoted line breaks count as lines")
        #expect(messages(decoded) == ["orders.csv line 7: field 'at': 'y' is not a timestamp (yyyy-MM-dd HH:mm:ss[.ffffff])"],
                "line numbers continue after a record that spans three lines")
    }

    @Test func carriageReturnsBeforeLineFeedsAndAFinalLineWithoutNewline() {
        let decoded = decode("1,1.5,true,a,\r\n2,,,\"b\"\r\n3,,,c,", schema: Self.schema)
        #expect(decoded.batch.rows.map { $0[0] } == [.int64(1), .int64(3)])
        #expect(decoded.batch.rows.map { $0[3] } == [.string("a"), .string("c")])
        #expect(messages(decoded) == ["orders.csv line 2: 4 fields where the schema has 5"])
        let quotedLast = decode("1,,,,\"x\"\r\n", schema: Schema([Field("a", .int64)] + ["b", "c", "d", "e"].map { Field($0, .string, nullable: true) }))
        #expect(quotedLast.batch.rows == [[.int64(1), .null, .null, .null, .string("x")]])
    }

    @Test func emptyInputAndBlankLinesHaveNoRows() {
        #expect(decode("").batch.rowCount == 0)
        #expect(decode("").lines == 0)
        let blanks = decode("\n\r\n1,,,,\n\n")
        #expect(blanks.batch.rowCount == 1 && blanks.malformed == 0 && blanks.lines == 4)
    }

    @Test func headerIsTheFirstRecordOfTheInputOnly() {
        let schema = Schema([Field("id", .int64), Field("name", .string)])
        #expect(decode("id,name\n1,a\n", schema: schema, header: true).batch.rows == [[.int64(1), .string("a")]])
        #expect(decode("\nid,name\n1,a\n", schema: schema, header: true).batch.rowCount == 1, "blank lines before the header")
        let later = decode("2,b\n", schema: schema, header: true, firstLine: 10)
        #expect(later.batch.rows == [[.int64(2), .string("b")]], "a piece that does not start the input has no header")
    }

    @Test func otherDelimiters() {
        let schema = Schema([Field("a", .int64), Field("b", .string)])
        let decoded = CSVDecoder(schema: schema, delimiter: ";").decode(Array("1;x,y\n2;\"p;q\"\n".utf8), source: "s", firstLine: 1)
        #expect(decoded.batch.rows == [[.int64(1), .string("x,y")], [.int64(2), .string("p;q")]])
        let tabs = CSVDecoder(schema: schema, delimiter: "\t").decode(Array("3\tz\n".utf8), source: "s", firstLine: 1)
        #expect(tabs.batch.rows == [[.int64(3), .string("z")]])
    }

    @Test func eachUnparsableValueIsNamedWithItsFieldAndLine() {
        let decoded = decode("""
        x1,,,,
        1,abc,,,
        2,,yes,,
        3,,,,2024-13-01 00:00:00
        9223372036854775808,,,,
        4,,,, 2024-01-01 00:00:00
        ,1,,,
        5,1,true,ok,2024-01-01 00:00:00.5
        """)
        #expect(decoded.batch.rows == [[.int64(5), .double(1), .bool(true), .string("ok"),
                                        .timestamp(Timestamp(year: 2024, month: 1, day: 1, microsecond: 500_000).microseconds)]])
        #expect(decoded.malformed == 7)
        #expect(messages(decoded) == [
            "orders.csv line 1: field 'id': 'x1' is not an int64",
            "orders.csv line 2: field 'price': 'abc' is not a double",
            "orders.csv line 3: field 'ok': 'yes' is not a bool (true or false)",
            "orders.csv line 4: field 'at': '2024-13-01 00:00:00' is not a timestamp (yyyy-MM-dd HH:mm:ss[.ffffff])",
            "orders.csv line 5: field 'id': '9223372036854775808' is not an int64",
            "orders.csv line 6: field 'at': ' 2024-01-01 00:00:00' is not a timestamp (yyyy-MM-dd HH:mm:ss[.ffffff])",
            "orders.csv line 7: field 'id': null, but the field is not nullable",
        ])
    }

    @Test func quotedEmptyIsNotANumber() {
        #expect(messages(decode("\"\",,,,\n")) == ["orders.csv line 1: field 'id': '' is not an int64"])
    }

    @Test func wrongFieldCounts() {
        let decoded = decode("1,2\n1,,,,,,\n")
        #expect(messages(decoded) == ["orders.csv line 1: 2 fields where the schema has 5",
                                      "orders.csv line 2: 7 fields where the schema has 5"])
    }

    @Test func brokenQuoting() {
        let closing = decode("1,,,\"ab\"c,\n2,,,,\n")
        #expect(closing.batch.rows.map { $0[0] } == [.int64(2)])
        #expect(messages(closing) == ["orders.csv line 1: field 4: 'c' after the closing quote (a quoted field must end at a delimiter or the end of the record)"])
        let unclosed = decode("1,,,,\n2,,,\"never\nclosed,\n3,,,,\n")
        #expect(unclosed.batch.rows.map { $0[0] } == [.int64(1)])
        #expect(messages(unclosed) == ["orders.csv line 2: the quoted field opened on line 2 is never closed"])
        #expect(unclosed.lines == 4)
    }

    @Test func recordsLongerThanTheLimitAreMalformed() {
        let long = String(repeating: "x", count: 40)
        let decoded = CSVDecoder(schema: Schema([Field("id", .int64), Field("name", .string)]), maximumRecordBytes: 32)
            .decode(Array("1,\(long)\n2,short\n".utf8), source: "big.csv", firstLine: 1)
        #expect(decoded.batch.rows == [[.int64(2), .string("short")]])
        #expect(messages(decoded) == ["big.csv line 1: record of 42 bytes is longer than the 32-byte limit"])
        let defaultLimit = decode("1,,,\(String(repeating: "y", count: 1 << 20)),\n2,,,,\n")
        #expect(defaultLimit.batch.rowCount == 1 && defaultLimit.malformed == 1)
    }

    @Test func stringFieldsMustBeUTF8() {
        let bytes = Array("1,,,ok,\n2,,,".utf8) + [0x66, 0xC3, 0x28] + Array(",\n3,,,é,\n".utf8)
        let decoded = CSVDecoder(schema: Self.schema).decode(bytes, source: "orders.csv", firstLine: 1)
        #expect(decoded.batch.rows.map { $0[3] } == [.string("ok"), .string("é")])
        #expect(decoded.samples.count == 1)
        #expect(decoded.samples[0].line == 2)
        #expect(decoded.samples[0].message.hasPrefix("field 'name': not valid UTF-8 ("))
        #expect(decoded.samples[0].message.hasSuffix(" at byte 1)"))
    }

    @Test func keepsTenSamplesButCountsEveryMalformedRecord() {
        let text = (1 ... 25).map { "bad\($0),,,,\n" }.joined()
        let decoded = decode(text)
        #expect(decoded.malformed == 25 && decoded.samples.count == DecodedRecords.sampleLimit)
        #expect(decoded.samples.last?.line == 10)
    }

    @Test func longValuesAreCutInMessages() {
        let decoded = decode(String(repeating: "9", count: 100) + "x,,,,\n")
        #expect(messages(decoded) == ["orders.csv line 1: field 'id': '\(String(repeating: "9", count: 64))…' is not an int64"])
    }
}
