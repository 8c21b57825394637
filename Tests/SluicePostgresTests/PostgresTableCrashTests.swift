import Foundation
import SluiceCore
import Testing
@testable import SluicePostgres

/// What a writer that dies inside its transaction leaves behind: nothing.
@Suite("Postgres: table after a crash") struct PostgresTableCrashTests {
    static let schema = Schema([Field("id", .int64)])

    @Test func aTransactionWhoseConnectionClosesWithoutCommitLeavesNothing() throws {
        let conninfo = try TestServer.conninfo()
        let table = PostgresTable(conninfo: conninfo, table: "abandoned")
        try table.write(batch: BatchID(0), rows: [RecordBatch(schema: Self.schema, rows: [[.int64(1)]])], schema: Self.schema, mode: .append)
        let dying = try UnsafePostgresConnection(conninfo: conninfo)
        try dying.begin()
        try dying.execute("UPDATE sluice_batches SET batch_id = 1 WHERE table_name = 'abandoned'")
        try dying.execute("INSERT INTO abandoned VALUES (2)")
        dying.close()
        #expect(try table.lastCommittedBatch() == BatchID(0))
        #expect(try table.allRows() == [[.int64(1)]])
        #expect(try table.write(batch: BatchID(1), rows: [RecordBatch(schema: Self.schema, rows: [[.int64(3)]])], schema: Self.schema, mode: .append))
        #expect(try table.allRows() == [[.int64(1)], [.int64(3)]])
    }

    /// Set in the child process that the next test starts, to the conninfo it writes through.
    static let childVariable = "SLUICE_POSTGRES_TEST_CHILD"

    /// The test runs itself again in a child process armed with `SLUICE_FAULT=inside-sink-transaction@1`:
    /// the child commits batch 0 and dies by SIGKILL inside batch 1's transaction, so batch 1 must be
    /// absent and written by the next writer.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/proc/self/exe"), "needs Linux's /proc/self/exe"))
    func aWriterKilledInsideItsSinkTransactionLeavesThatBatchUnwritten() throws {
        let table = "killed_writer"
        if let conninfo = ProcessInfo.processInfo.environment[Self.childVariable] {
            let writer = PostgresTable(conninfo: conninfo, table: table)
            for batch in 0 ... 1 {
                try writer.write(batch: BatchID(Int64(batch)), rows: [RecordBatch(schema: Self.schema, rows: [[.int64(Int64(batch))]])],
                                 schema: Self.schema, mode: .append)
            }
            Issue.record("the fault point did not kill the child")
            return
        }
        let conninfo = try TestServer.conninfo()
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = ["--testing-library", "swift-testing", "--filter", "aWriterKilledInsideItsSinkTransactionLeavesThatBatchUnwritten"]
        child.environment = ProcessInfo.processInfo.environment.merging(
            [Self.childVariable: conninfo, FaultInjector.environmentVariable: "inside-sink-transaction@1"]) { _, new in new }
        let errors = Pipe()
        child.standardOutput = FileHandle.nullDevice
        child.standardError = errors
        try child.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        child.waitUntilExit()
        #expect(child.terminationReason == .uncaughtSignal && child.terminationStatus == SIGKILL)
        #expect(said.contains("sluice: fault inside-sink-transaction@1: killing process"))
        let writer = PostgresTable(conninfo: conninfo, table: table)
        #expect(try writer.lastCommittedBatch() == BatchID(0))
        #expect(try writer.allRows() == [[.int64(0)]])
        #expect(try writer.write(batch: BatchID(1), rows: [RecordBatch(schema: Self.schema, rows: [[.int64(1)]])], schema: Self.schema, mode: .append))
        #expect(try writer.allRows() == [[.int64(0)], [.int64(1)]])
    }

    @Test(.enabled(if: Psql.path != nil, "needs psql")) func aClientKilledInsideItsTransactionLeavesNothing() throws {
        let conninfo = try TestServer.conninfo()
        let connection = PostgresConnection(conninfo: conninfo)
        try connection.execute("CREATE TABLE killed_client (id BIGINT)")
        let psql = try Psql.start(conninfo: conninfo)
        try psql.send("BEGIN;\nINSERT INTO killed_client VALUES (1), (2);\nSELECT 'pid=' || pg_backend_pid();\n")
        let backend = try psql.readLine(startingWith: "pid=")
        #expect(try connection.execute("SELECT state FROM pg_stat_activity WHERE pid = $1::int", [backend]).scalar == "idle in transaction")
        psql.kill()
        var gone = false
        for _ in 0 ..< 600 where !gone {
            gone = try connection.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int", [backend]).scalar == "0"
            if !gone { usleep(50_000) }
        }
        #expect(gone, "the server ends the backend of a client that died")
        #expect(try connection.execute("SELECT count(*) FROM killed_client").scalar == "0")
    }
}

/// A `psql` client in a child process, fed through its standard input.
final class Psql {
    static let path: String? = {
        let directories = ((ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init))
            + ["/usr/bin", "/usr/lib/postgresql/15/bin"]
        return directories.map { $0 + "/psql" }.first(where: FileManager.default.isExecutableFile)
    }()

    private let process: Process
    private let input = Pipe()
    private let output = Pipe()
    private var buffered = ""

    private init(process: Process) { self.process = process }

    static func start(conninfo: String) throws -> Psql {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(path))
        process.arguments = ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", conninfo]
        let psql = Psql(process: process)
        process.standardInput = psql.input
        process.standardOutput = psql.output
        try process.run()
        return psql
    }

    func send(_ text: String) throws {
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    }

    /// The rest of the first output line starting with `prefix`, waiting for it (psql prints each result
    /// when its statement is done); fails if psql ends first.
    func readLine(startingWith prefix: String) throws -> String {
        while true {
            if let line = buffered.split(separator: "\n").first(where: { $0.hasPrefix(prefix) }) {
                return String(line.dropFirst(prefix.count))
            }
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { throw PsqlError(message: "psql ended before printing '\(prefix)…'; it printed: \(buffered)") }
            buffered += String(decoding: data, as: UTF8.self)
        }
    }

    /// SIGKILL: the client dies without a word to the server, as in a machine failure.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

struct PsqlError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
