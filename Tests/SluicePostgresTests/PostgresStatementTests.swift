import SluiceCore
import Testing
@testable import SluicePostgres

/// The SQL and texts Sluice sends, checked without a server.
@Suite("Postgres: statements") struct PostgresStatementTests {
    @Test func identifiersAreQuotedWithTheirQuotesDoubled() {
        #expect(SQLIdentifier.quote("window.start") == "\"window.start\"")
        #expect(SQLIdentifier.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(SQLIdentifier.problem(with: "") == "an empty name")
        #expect(SQLIdentifier.problem(with: String(repeating: "é", count: 32))?.contains("longer than 63 bytes") == true)
        #expect(SQLIdentifier.problem(with: String(repeating: "e", count: 63)) == nil)
    }

    @Test func anUpsertInsertsAndUpdatesTheOtherColumnsAndKeepsTheLastRowOfAKey() {
        let inserts = PostgresInsertStatements(table: "counts", columns: ["word", "window.start", "count"],
                                               rows: [["a", "t", "1"], ["b", "t", "1"], ["a", "t", "2"]], upsertKeys: ["word", "window.start"])
        #expect(inserts.statements == [.init(
            sql: "INSERT INTO \"counts\" (\"word\", \"window.start\", \"count\") VALUES ($1, $2, $3), ($4, $5, $6) "
                + "ON CONFLICT (\"word\", \"window.start\") DO UPDATE SET \"count\" = EXCLUDED.\"count\"",
            parameters: ["b", "t", "1", "a", "t", "2"])])
    }

    @Test func statementsStayUnderPostgresParameterLimit() {
        let columns = (0 ..< 100).map { "c\($0)" }
        let rows = [[String?]](repeating: [String?](repeating: "1", count: 100), count: 1_500)
        let inserts = PostgresInsertStatements(table: "wide", columns: columns, rows: rows, upsertKeys: nil)
        #expect(inserts.statements.map { $0.parameters.count } == [65_500, 65_500, 19_000])
        #expect(inserts.statements.allSatisfy { !$0.sql.contains("ON CONFLICT") })
        let lastTuple = "(" + (65_401 ... 65_500).map { "$\($0)" }.joined(separator: ", ") + ")"
        #expect(inserts.statements[1].sql.hasSuffix(", " + lastTuple))
    }

    @Test func aCreatedTableHasATypedColumnPerFieldAndTheKeysAsPrimaryKey() {
        let schema = Schema([Field("word", .string), Field("window.start", .timestamp), Field("n", .int64, nullable: true),
                             Field("x", .double), Field("ok", .bool)])
        #expect(PostgresTableCatalog.createStatement(table: "t", schema: schema, primaryKey: ["word"])
            == "CREATE TABLE IF NOT EXISTS \"t\" (\"word\" TEXT NOT NULL, \"window.start\" TIMESTAMP NOT NULL, \"n\" BIGINT, "
            + "\"x\" DOUBLE PRECISION NOT NULL, \"ok\" BOOLEAN NOT NULL, PRIMARY KEY (\"word\"))")
    }

    @Test(arguments: [
        (Int64(0), "1970-01-01 00:00:00.000000"),
        (-1, "1969-12-31 23:59:59.999999"),
        (1_714_564_800_000_250, "2024-05-01 12:00:00.000250"),
        (-62_135_596_800_000_000, "0001-01-01 00:00:00.000000"),
        (-62_135_596_800_000_001, "0001-12-31 23:59:59.999999 BC"),
        (253_402_300_800_000_000, "10000-01-01 00:00:00.000000"),
    ])
    func timestampsAreWrittenAsPostgresReadsThem(microseconds: Int64, text: String) {
        #expect(PostgresTypeMapping.timestampText(microseconds: microseconds) == text)
    }

    @Test func parameterTextsFollowTheColumnTypeWithNilForNull() throws {
        let schema = Schema([Field("b", .bool, nullable: true), Field("d", .double), Field("s", .string, nullable: true)])
        let batch = try RecordBatch(schema: schema, rows: [[.bool(true), .double(0.1), .string("x")], [.null, .double(-.infinity), .null]])
        #expect(batch.columns.map(PostgresTypeMapping.parameterTexts) == [["true", nil], ["0.1", "-inf"], ["x", nil]])
    }

    @Test func keyOffsetsAreJSONWithAnIntegerOrNull() {
        #expect(PostgresKeyOffset(key: 42).offset == SourceOffset(json: "{\"key\":42}"))
        #expect(PostgresKeyOffset(key: nil).offset == SourceOffset(json: "{\"key\":null}"))
        #expect(PostgresKeyOffset(SourceOffset(json: "{\"key\":-9223372036854775808}")) == PostgresKeyOffset(key: .min))
        #expect(PostgresKeyOffset(SourceOffset(json: "{\"key\":null}")) == PostgresKeyOffset(key: nil))
        #expect(PostgresKeyOffset(SourceOffset(json: "{}")) == nil)
        #expect(PostgresKeyOffset(SourceOffset(json: "{\"key\":1.5}")) == nil)
        #expect(PostgresKeyOffset(SourceOffset(json: "{\"key\":\"1\"}")) == nil)
    }

    @Test func errorsAbbreviateTheirStatement() {
        let error = PostgresError(server: "h:1/d", statement: "SELECT\n  1", message: "boom", sqlState: "XX000")
        #expect(error.description == "postgres h:1/d: boom (SQLSTATE XX000), in: SELECT 1")
    }
}
