import Foundation
import SluiceCore
import SluicePostgres
import SluiceSQLite
import Testing

/// Both APIs' exactly-once guarantee under real process deaths: `sluice-job` is killed (SIGKILL) at
/// each fault point, its sink must then hold the answer over a prefix of the input (whole batches of
/// two files), and a restart on the same checkpoint must finish with the answer over all of it.
@Suite struct CrashRecoveryTests {
    static let workload = Result { try OrderWorkload.make() }
    static let countSchema = Schema([Field("buy", .bool), Field("count", .int64)])
    static let windowSchema = Schema([Field("buy", .bool), Field("window.start", .timestamp), Field("window.end", .timestamp), Field("count", .int64)])

    @Test(arguments: ["structured", "dstream"], FaultPoint.allCases)
    func countBuysIntoSQLiteRecoversFromAKill(api: String, at point: FaultPoint) throws {
        let workload = try Self.workload.get()
        let scratch = try CrashAndRestart.scratch("sqlite-\(api)-\(point)")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let database = scratch + "/out.db"
        let job = CrashAndRestart(api: api, query: "count-buys", workload: workload, sink: "sqlite:" + database, table: "counts", scratch: scratch)
        let result = try job.run(killedAt: point, batch: point == .duringSnapshot ? 1 : 2) { try Self.counts(Self.sqliteRows(path: database, table: "counts", schema: Self.countSchema)) }
        #expect(workload.prefixLength(of: result.afterCrash, answer: workload.buySellCounts(overFirst:)) != nil,
                "after a kill at \(point) the sink must hold the answer over a prefix of the input; it holds \(result.afterCrash)")
        #expect(result.final == workload.buySellCounts(overFirst: workload.files.count), "nothing lost, nothing counted twice")
        #expect(try SQLiteTable(path: database, table: "counts", jobID: "counts").lastCommittedBatch() == BatchID(3))
    }

    @Test(arguments: ["structured", "dstream"], [FaultPoint.afterState, .afterSinkCommit, .duringSnapshot])
    func windowedCountsIntoSQLiteRecoverFromAKill(api: String, at point: FaultPoint) throws {
        let workload = try Self.workload.get()
        let scratch = try CrashAndRestart.scratch("windows-\(api)-\(point)")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let database = scratch + "/out.db"
        let job = CrashAndRestart(api: api, query: "windowed-counts", workload: workload, sink: "sqlite:" + database, table: "windows", scratch: scratch)
        let result = try job.run(killedAt: point, batch: point == .duringSnapshot ? 1 : 2) { try Self.windowCounts(Self.sqliteRows(path: database, table: "windows", schema: Self.windowSchema)) }
        #expect(workload.prefixLength(of: result.afterCrash, answer: workload.windowCounts(overFirst:)) != nil,
                "after a kill at \(point) the windows must be the answer over a prefix of the input")
        #expect(result.final == workload.windowCounts(overFirst: workload.files.count))
    }

    @Test(arguments: ["structured", "dstream"], [FaultPoint.insideSinkTransaction, .afterSinkCommit])
    func countBuysIntoPostgreSQLRecoversFromAKill(api: String, at point: FaultPoint) throws {
        let workload = try Self.workload.get()
        let server = try LocalPostgresServer.shared()
        let scratch = try CrashAndRestart.scratch("postgres-\(point)")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let table = "crash_\(api)_\(point.rawValue.replacingOccurrences(of: "-", with: "_"))_\(UInt32.random(in: 0 ... .max))"
        let job = CrashAndRestart(api: api, query: "count-buys", workload: workload, sink: "postgres:" + server.conninfo, table: table, scratch: scratch)
        let result = try job.run(killedAt: point, batch: 2) { try Self.counts(PostgresTable(conninfo: server.conninfo, table: table).allRows()) }
        #expect(workload.prefixLength(of: result.afterCrash, answer: workload.buySellCounts(overFirst:)) != nil,
                "after a kill at \(point) PostgreSQL must hold the answer over a prefix; it holds \(result.afterCrash)")
        #expect(result.final == workload.buySellCounts(overFirst: workload.files.count))
        #expect(try PostgresTable(conninfo: server.conninfo, table: table).lastCommittedBatch() == BatchID(3))
    }

    private static func sqliteRows(path: String, table: String, schema: Schema) throws -> [[Value]] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        return try SQLiteTable(path: path, table: table, jobID: table).rows(orderedBy: [], schema: schema)
    }

    private static func counts(_ rows: [[Value]]) -> [Bool: Int64] {
        var counts: [Bool: Int64] = [:]
        for row in rows {
            guard case .bool(let buy) = row[0], case .int64(let count) = row[1] else { continue }
            counts[buy] = count
        }
        return counts
    }

    private static func windowCounts(_ rows: [[Value]]) -> [WindowKey: Int64] {
        var counts: [WindowKey: Int64] = [:]
        for row in rows {
            guard case .bool(let buy) = row[0], case .timestamp(let start) = row[1], case .int64(let count) = row[3] else { continue }
            counts[WindowKey(buy: buy, start: start)] = count
        }
        return counts
    }
}
