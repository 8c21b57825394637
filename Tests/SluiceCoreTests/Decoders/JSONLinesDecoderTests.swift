import Testing
@testable import SluiceCore

@Suite struct JSONLinesDecoderTests {
    static let schema = Schema([
        Field("id", .int64), Field("price", .double, nullable: true), Field("ok", .bool, nullable: true),
        Field("name", .string, nullable: true), Field("at", .timestamp, nullable: true),
    ])

    func decode(_ text: String, schema: Schema = schema, firstLine: Int = 1) -> DecodedRecords {
        JSONLinesDecoder(schema: schema).decode(Array(text.utf8), source: "events.json", firstLine: firstLine)
    }

    func decode(bytes: [UInt8]) -> DecodedRecords {
        JSONLinesDecoder(schema: Self.schema).decode(bytes, source: "events.json", firstLine: 1)
    }

    func messages(_ decoded: DecodedRecords) -> [String] { decoded.samples.map(\.description) }

    @Test func readsEveryTypeMatchingKeysByName() {
        let decoded = decode("""
        {"at": "2024-02-29 23:59:58", "name": "apple", "ok": true, "price": 2.5, "id": 1}
        {"id":-7,"price":-1E3,"ok":false,"name":"pear","at":"1970-01-01 00:00:00.000001"}
        {"id": 3, "price": 4}
        """)
        #expect(decoded.batch.rows == [
            [.int64(1), .double(2.5), .bool(true), .string("apple"), .timestamp(Timestamp(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 58).microseconds)],
            [.int64(-7), .double(-1000), .bool(false), .string("pear"), .timestamp(1)],
            [.int64(3), .double(4), .null, .null, .null],
        ])
        #expect(decoded.lines == 3 && decoded.malformed == 0)
    }

    @Test func missingKeysAndNullsAreNullExtraKeysAreIgnoredLastDuplicateWins() {
        let decoded = decode(#"{"id": 1, "price": null, "extra": {"deep": [1, {"x": "}"}]}, "also": [], "id": 2}"#)
        #expect(decoded.batch.rows == [[.int64(2), .null, .null, .null, .null]])
    }

    @Test func stringEscapesIncludingSurrogatePairs() {
        let decoded = decode(#"{"id": 1, "name": "q\"b\\s\/n\nt\tr\rb\bf\fé\u00e9\u20AC\uD83D\uDE00"}"#)
        #expect(decoded.batch.rows.first?[3] == .string("q\"b\\s/n\nt\tr\rb\u{08}f\u{0C}éé€😀"))
        let rawUTF8 = decode(#"{"id": 1, "name": "été 😀"}"#)
        #expect(rawUTF8.batch.rows.first?[3] == .string("été 😀"))
        let escapedKey = decode(#"{"\u0069d": 5}"#)
        #expect(escapedKey.batch.rows == [[.int64(5), .null, .null, .null, .null]])
    }

    @Test func stringColumnsTakeScalarsAsTextAndNestedValuesAsRawJSON() {
        let schema = Schema([Field("a", .string), Field("b", .string), Field("c", .string), Field("d", .string)])
        let decoded = decode(#"{"a": 12.50, "b": true, "c": {"x": [1, 2]}, "d": [ ]}"#, schema: schema)
        #expect(decoded.batch.rows == [[.string("12.50"), .string("true"), .string(#"{"x": [1, 2]}"#), .string("[ ]")]])
    }

    @Test func nonFiniteDoublesAsStrings() {
        let schema = Schema([Field("a", .double), Field("b", .double), Field("c", .double)])
        let decoded = decode(#"{"a": "NaN", "b": "Infinity", "c": "-Infinity"}"#, schema: schema)
        let row = decoded.batch.rows.first
        if case .double(let value) = row?[0] { #expect(value.isNaN) } else { Issue.record("no double in \(String(describing: row))") }
        #expect(row?[1] == .double(.infinity) && row?[2] == .double(-.infinity))
        #expect(messages(decode(#"{"a": "1.5", "b": 1, "c": 1}"#, schema: schema)) == [#"events.json line 1: field 'a': '"1.5"' is not a double"#])
    }

    @Test func carriageReturnsFinalLineWithoutNewlineBlankLinesAndEmptyInput() {
        let decoded = decode("{\"id\": 1}\r\n\n   \r\n{\"id\": 2}")
        #expect(decoded.batch.rows.map { $0[0] } == [.int64(1), .int64(2)])
        #expect(decoded.lines == 4 && decoded.malformed == 0)
        #expect(decode("").lines == 0)
        #expect(decode("").batch.rowCount == 0)
    }

    @Test func typeMismatchesAreNamedWithFieldAndValue() {
        let decoded = decode("""
        {"id": 1.5}
        {"id": "7"}
        {"id": 9223372036854775808}
        {"id": 1, "price": "cheap"}
        {"id": 1, "ok": 1}
        {"id": 1, "at": "2024-02-30 00:00:00"}
        {"id": 1, "at": 1700000000}
        {"id": 1, "price": [1]}
        {"id": null}
        {"price": 1}
        """, firstLine: 101)
        #expect(decoded.batch.rowCount == 0 && decoded.malformed == 10)
        #expect(messages(decoded) == [
            "events.json line 101: field 'id': '1.5' is not an int64",
            #"events.json line 102: field 'id': '"7"' is not an int64"#,
            "events.json line 103: field 'id': '9223372036854775808' is not an int64",
            #"events.json line 104: field 'price': '"cheap"' is not a double"#,
            "events.json line 105: field 'ok': '1' is not a bool (true or false)",
            #"events.json line 106: field 'at': '"2024-02-30 00:00:00"' is not a timestamp (yyyy-MM-dd HH:mm:ss[.ffffff])"#,
            "events.json line 107: field 'at': '1700000000' is not a timestamp (yyyy-MM-dd HH:mm:ss[.ffffff])",
            "events.json line 108: field 'price': a nested object or array is not a double",
            "events.json line 109: field 'id': null, but the field is not nullable",
            "events.json line 110: field 'id': missing, but the field is not nullable",
        ])
    }

    @Test func invalidJSONIsNamedWithWhatWasExpectedWhere() {
        let cases: [(String, String)] = [
            (#"[{"id": 1}]"#, "expected '{' (a line must hold one JSON object) at column 1, found '['"),
            (#"{"id": 1"#, "expected ',' or '}' at column 9, found the end of the line"),
            (#"{"id": 1} x"#, "expected the end of the line after the object at column 11, found 'x'"),
            (#"{id: 1}"#, "expected a key in double quotes at column 2, found 'i'"),
            (#"{"id" 1}"#, "expected ':' after the key at column 7, found '1'"),
            (#"{"id": 01}"#, "expected ',' or '}' at column 9, found '1'"),
            (#"{"id": +1}"#, "expected a value at column 8, found '+'"),
            (#"{"id": 1.}"#, "expected a digit after the decimal point at column 10, found '}'"),
            (#"{"id": 1, "name": "a\x"}"#, #"expected an escape (\" \\ \/ \b \f \n \r \t \uXXXX) at column 22, found 'x'"#),
            (#"{"id": 1, "name": "\u12"}"#, #"expected four hex digits after \u at column 24, found '"'"#),
            (#"{"id": 1, "name": "\uD83D"}"#, #"\uD83D is half of a UTF-16 surrogate pair without its other half"#),
            (#"{"id": 1, "x": [1, 2,]}"#, "expected a value at column 22, found ']'"),
            (#"{"id": tru}"#, "expected 'true' at column 11, found '}'"),
            ("{\"id\": 1, \"name\": \"tab\there\"}", "expected no raw control character in a string (escape it) at column 23, found byte 0x9"),
            (#"{"id": 1,}"#, "expected a key in double quotes at column 10, found '}'"),
        ]
        for (line, reason) in cases {
            #expect(messages(decode(line)) == ["events.json line 1: invalid JSON: \(reason)"], "\(line)")
        }
        let deep = "{\"id\": 1, \"x\": " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "}"
        #expect(decode(deep).malformed == 1)
        let fine = "{\"id\": 1, \"x\": " + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}"
        #expect(decode(fine).malformed == 0)
    }

    @Test func linesThatAreTooLongOrNotUTF8AreMalformed() {
        let long = decode("{\"id\": 1, \"name\": \"\(String(repeating: "x", count: 1 << 20))\"}\n{\"id\": 2}\n")
        #expect(long.batch.rows.map { $0[0] } == [.int64(2)])
        #expect(messages(long) == ["events.json line 1: record of 1048597 bytes is longer than the 1048576-byte limit"])
        let bytes = Array(#"{"id": 1, "name": ""#.utf8) + [0xFF] + Array("\"}\n{\"id\": 2}\n".utf8)
        let decoded = decode(bytes: bytes)
        #expect(decoded.batch.rows.map { $0[0] } == [.int64(2)])
        #expect(decoded.samples.first?.message.hasPrefix("not valid UTF-8 (") == true)
        #expect(decoded.samples.first?.message.hasSuffix("at byte 19)") == true)
    }
}
