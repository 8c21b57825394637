import SluiceCore
import Testing
@testable import SluiceSQLite

@Suite struct TableSQLTests {
    static let windowCounts = Schema([
        Field("window.start", .timestamp), Field("say \"hi\"", .string), Field("count", .int64), Field("ratio", .double), Field("seen", .bool),
    ])

    @Test func identifiersAreQuotedWithInnerQuotesDoubled() {
        #expect(TableSQL.quote("window.start") == "\"window.start\"")
        #expect(TableSQL.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
    }

    @Test func appendCreatesATableWithoutKeyAndInsertsEveryColumn() {
        let sql = TableSQL(table: "counts", schema: Self.windowCounts, mode: .append)
        #expect(sql.createTable
            == #"CREATE TABLE "counts" ("window.start" INTEGER, "say ""hi""" TEXT, "count" INTEGER, "ratio" REAL, "seen" INTEGER)"#)
        #expect(sql.insertRow
            == #"INSERT INTO "counts" ("window.start", "say ""hi""", "count", "ratio", "seen") VALUES (?1, ?2, ?3, ?4, ?5)"#)
        #expect(sql.deleteAllRows == "DELETE FROM \"counts\"")
    }

    @Test func upsertKeysBecomeThePrimaryKeyAndTheConflictTarget() {
        let sql = TableSQL(table: "counts", schema: Self.windowCounts, mode: .upsert(keys: ["window.start", "say \"hi\""]))
        #expect(sql.createTable.hasSuffix(#""seen" INTEGER, PRIMARY KEY ("window.start", "say ""hi"""))"#))
        #expect(sql.insertRow.hasSuffix(
            #"ON CONFLICT ("window.start", "say ""hi""") DO UPDATE SET "count" = excluded."count", "ratio" = excluded."ratio", "seen" = excluded."seen""#))
    }

    @Test func upsertOnEveryColumnDoesNothingOnConflict() {
        let sql = TableSQL(table: "seen", schema: Schema([Field("word", .string)]), mode: .upsert(keys: ["word"]))
        #expect(sql.insertRow == #"INSERT INTO "seen" ("word") VALUES (?1) ON CONFLICT ("word") DO NOTHING"#)
    }
}
