import Foundation
import SluiceCore
import Testing
@testable import SluiceSQLite

/// A writer that dies inside its transaction leaves nothing of its batch: simulated in process by a
/// second connection that writes a batch's rows and bookkeeping and never commits, by a copy of the
/// files it leaves, and for real by a child process that the fault injector kills.
@Suite struct SQLiteTableCrashTests {
    static let counts = Schema([Field("word", .string), Field("count", .int64)])

    /// Opens a transaction on its own connection holding `rows` words and batch `batch` recorded, as
    /// `SQLiteTable.write` has them at the `inside-sink-transaction` fault point.
    func openTransaction(path: String, batch: BatchID, rows: Int, cachePages: Int = 2000) throws -> SQLiteConnection {
        let connection = try SQLiteConnection(path: path)
        try connection.execute("PRAGMA cache_size = \(cachePages)")
        try connection.begin()
        let insert = try connection.prepare(TableSQL(table: "counts", schema: Self.counts, mode: .append).insertRow)
        for row in 0 ..< rows {
            try insert.bind("word \(row) " + String(repeating: "x", count: 200), at: 1)
            try insert.bind(Int64(row), at: 2)
            _ = try insert.step()
            insert.reset()
        }
        try BatchBookkeeping.record(batch, table: "counts", job: "job", on: connection)
        return connection
    }

    @Test func aTransactionClosedWithoutCommitLeavesTheTableAndItsLastBatchUnchanged() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let table = try SQLiteTable(path: path, table: "counts", jobID: "job")
            try table.write(batch: BatchID(0), rows: [try RecordBatch(schema: Self.counts, rows: [[.string("a"), .int64(1)]])], schema: Self.counts, mode: .append)

            let dying = try openTransaction(path: path, batch: BatchID(1), rows: 100)
            let reader = try SQLiteTable(path: path, table: "counts", jobID: "job")
            #expect(try reader.lastCommittedBatch() == BatchID(0), "readers never see an open transaction")
            #expect(try reader.rows().count == 1)
            dying.close()

            let restarted = try SQLiteTable(path: path, table: "counts", jobID: "job")
            #expect(try restarted.lastCommittedBatch() == BatchID(0))
            #expect(try restarted.rows() == [[.string("a"), .int64(1)]])
            #expect(try restarted.write(batch: BatchID(1), rows: [try RecordBatch(schema: Self.counts, rows: [[.string("b"), .int64(2)]])],
                                        schema: Self.counts, mode: .append), "the batch that died is written when run again")
            #expect(try restarted.rows(orderedBy: ["word"]) == [[.string("a"), .int64(1)], [.string("b"), .int64(2)]])
        }
    }

    @Test func theFilesAKilledWriterLeavesOpenWithoutItsUncommittedRows() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("out.db")
            let table = try SQLiteTable(path: path, table: "counts", jobID: "job")
            try table.write(batch: BatchID(0), rows: [try RecordBatch(schema: Self.counts, rows: [[.string("a"), .int64(1)]])], schema: Self.counts, mode: .append)
            let committedLog = directory.size(of: "out.db-wal")

            let dying = try openTransaction(path: path, batch: BatchID(1), rows: 5_000, cachePages: 8)
            #expect(directory.size(of: "out.db-wal") > committedLog + 100_000, "the small page cache spilled uncommitted rows into the log")
            try FileManager.default.createDirectory(atPath: directory.file("image"), withIntermediateDirectories: false)
            for name in ["out.db", "out.db-wal"] {
                try FileManager.default.copyItem(atPath: directory.file(name), toPath: directory.file("image/" + name))
            }
            dying.close()

            let recovered = try SQLiteTable(path: directory.file("image/out.db"), table: "counts", jobID: "job")
            #expect(try recovered.lastCommittedBatch() == BatchID(0))
            #expect(try recovered.rows() == [[.string("a"), .int64(1)]])
            #expect(try recovered.write(batch: BatchID(1), rows: [], schema: Self.counts, mode: .append))
        }
    }
}

extension SQLiteTableCrashTests {
    @Test func aWriterKilledInsideItsTransactionLeavesOnlyCommittedBatches() async throws {
        let directory = NSTemporaryDirectory() + "sluice-sqlite-kill-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/out.db"

        let child = await #expect(processExitsWith: .signal(SIGKILL), observing: [\.standardErrorContent]) { [path = path as String] in
            setenv(FaultInjector.environmentVariable, "\(FaultPoint.insideSinkTransaction)@1", 1)
            let table = try SQLiteTable(path: path, table: "counts", jobID: "job")
            for (batch, word) in ["a", "b"].enumerated() {
                let rows = try RecordBatch(schema: SQLiteTableCrashTests.counts, rows: [[.string(word), .int64(1)]])
                try table.write(batch: BatchID(Int64(batch)), rows: [rows], schema: SQLiteTableCrashTests.counts, mode: .append)
            }
        }

        #expect(child.map { String(decoding: $0.standardErrorContent, as: UTF8.self) }?
            .hasPrefix("sluice: fault inside-sink-transaction@1: killing process") == true)

        let restarted = try SQLiteTable(path: path, table: "counts", jobID: "job")
        #expect(try restarted.lastCommittedBatch() == BatchID(0))
        #expect(try restarted.rows() == [[.string("a"), .int64(1)]])
        #expect(try restarted.write(batch: BatchID(1), rows: [try RecordBatch(schema: Self.counts, rows: [[.string("b"), .int64(1)]])],
                                    schema: Self.counts, mode: .append), "the batch that died is written when run again")
        #expect(try restarted.rows(orderedBy: ["word"]) == [[.string("a"), .int64(1)], [.string("b"), .int64(1)]])
    }
}
