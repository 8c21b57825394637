import SluiceCore
import SluiceTesting
import Testing
@testable import SluiceStructured

@Suite struct FileRoundTripTests {
    let session = Session()
    static let schema = Schema([
        Field("id", .int64), Field("price", .double, nullable: true), Field("ok", .bool, nullable: true),
        Field("name", .string, nullable: true), Field("at", .timestamp, nullable: true),
    ])

    /// Rows with every type, nulls, and the strings and numbers that need quoting, escaping or care.
    static let awkwardRows: [[Value]] = [
        [.int64(1), .double(2.5), .bool(true), .string("plain"), .timestamp(0)],
        [.int64(-9_223_372_036_854_775_808), .double(-0.0), .bool(false), .string(""), .timestamp(-1)],
        [.int64(9_223_372_036_854_775_807), .double(1e-300), .null, .string("a,b \"quoted\"\nnext line\r\n"), .timestamp(1_709_251_199_123_456)],
        [.int64(3), .double(.infinity), .bool(true), .string("tab\tbackslash\\ slash/ control\u{01} é 😀 \u{2028}"), .null],
        [.int64(4), .double(-.infinity), .bool(false), .string("   spaces   "), .timestamp(253_402_300_799_999_999)],
        [.int64(5), .null, .null, .null, .null],
        [.int64(6), .double(1.7976931348623157e308), .bool(true), .string("NaN"), .timestamp(1)],
        [.int64(7), .double(0.1 + 0.2), .bool(true), .string("{\"json\": [1]}"), .timestamp(86_400_000_000)],
    ]

    func frame(_ rows: [[Value]]) throws -> DataFrame {
        try session.createDataFrame(rows: rows, schema: Self.schema)
    }

    @Test func csvWrittenThenReadGivesTheSameRows() throws {
        try ScratchDirectory.with { scratch in
            try frame(Self.awkwardRows).write.csv(path: scratch.file("out"))
            #expect(try session.read.csv(path: scratch.file("out"), schema: Self.schema).collect() == Self.awkwardRows)
            try frame(Self.awkwardRows).write.csv(path: scratch.file("headed"), header: true, delimiter: ";")
            let read = try session.read.csv(path: scratch.file("headed"), schema: Self.schema, header: true, delimiter: ";")
            #expect(try read.collect() == Self.awkwardRows)
        }
    }

    @Test func jsonWrittenThenReadGivesTheSameRows() throws {
        try ScratchDirectory.with { scratch in
            try frame(Self.awkwardRows).write.json(path: scratch.file("out"))
            #expect(try session.read.json(path: scratch.file("out"), schema: Self.schema).collect() == Self.awkwardRows)
        }
    }

    @Test func nanSurvivesBothFormats() throws {
        try ScratchDirectory.with { scratch in
            let schema = Schema([Field("x", .double)])
            try session.createDataFrame(rows: [[.double(.nan)]], schema: schema).write.csv(path: scratch.file("csv"))
            try session.createDataFrame(rows: [[.double(.nan)]], schema: schema).write.json(path: scratch.file("json"))
            for value in try session.read.csv(path: scratch.file("csv"), schema: schema).collect()
                + session.read.json(path: scratch.file("json"), schema: schema).collect() {
                if case .double(let x) = value[0] { #expect(x.isNaN) } else { Issue.record("not a double: \(value)") }
            }
        }
    }

    @Test func writtenTextIsWhatSparkWrites() throws {
        try ScratchDirectory.with { scratch in
            let rows = Array(Self.awkwardRows[0 ... 2])
            try frame(rows).write.csv(path: scratch.file("csv"), header: true)
            try frame(rows).write.json(path: scratch.file("json"))
            let csvPart = try #require(try scratch.names(in: "csv").first { $0.hasPrefix("part-00000-") && $0.hasSuffix(".csv") })
            #expect(try scratch.names(in: "csv").contains("_SUCCESS"))
            #expect(try scratch.text(of: "csv/" + csvPart) == """
            id,price,ok,name,at
            1,2.5,true,plain,1970-01-01 00:00:00
            -9223372036854775808,-0.0,false,"",1969-12-31 23:59:59.999999
            9223372036854775807,1e-300,,"a,b ""quoted""
            next line\r
            ",2024-02-29 23:59:59.123456

            """)
            let jsonPart = try #require(try scratch.names(in: "json").first { $0.hasSuffix(".json") })
            #expect(try scratch.text(of: "json/" + jsonPart) == #"""
            {"id":1,"price":2.5,"ok":true,"name":"plain","at":"1970-01-01 00:00:00"}
            {"id":-9223372036854775808,"price":-0.0,"ok":false,"name":"","at":"1969-12-31 23:59:59.999999"}
            {"id":9223372036854775807,"price":1e-300,"name":"a,b \"quoted\"\nnext line\r\n","at":"2024-02-29 23:59:59.123456"}

            """#)
        }
    }

    @Test(arguments: ["csv", "json"])
    func seededRandomRowsRoundTrip(format: String) throws {
        var generator = SeededGenerator(seed: 42)
        let alphabet = Array("ab,\"\n\r\t\\/ é😀{}[]:0")
        let rows: [[Value]] = (0 ..< 2000).map { index in
            let text = String((0 ..< Int.random(in: 0 ... 8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            return [
                .int64(Int64.random(in: .min ... .max, using: &generator)),
                Bool.random(using: &generator) ? .null : .double(Double(bitPattern: generator.next())),
                Bool.random(using: &generator) ? .null : .bool(Bool.random(using: &generator)),
                index % 7 == 0 ? .null : .string(text),
                Bool.random(using: &generator) ? .null : .timestamp(Int64.random(in: -62_167_219_200_000_000 ... 253_402_300_799_999_999, using: &generator)),
            ]
        }
        .filter { row in if case .double(let x) = row[1] { !x.isNaN } else { true } }
        try ScratchDirectory.with { scratch in
            let path = scratch.file("random")
            if format == "csv" {
                try frame(rows).write.csv(path: path)
                #expect(try session.read.csv(path: path, schema: Self.schema).collect() == rows)
            } else {
                try frame(rows).write.json(path: path)
                #expect(try session.read.json(path: path, schema: Self.schema).collect() == rows)
            }
        }
    }
}
