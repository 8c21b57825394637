import SluiceCore
import SluiceJobs
import SluiceSQLite

/// Reads the job's SQLite result table from outside the job, as the checkers want it: each row a
/// column → value object of the query's columns.
struct SinkSnapshot {
    let path: String
    let table: String
    let query: JobQuery

    /// The table's rows if the last batch committed into it is `batch` both before and after reading
    /// them (so they are exactly `batch`'s result), nil if the job has moved on or not got there.
    func rows(ifLastCommitted batch: BatchID) throws -> [[String: JSONScalar]]? {
        let sink = try SQLiteTable(path: path, table: table, jobID: table)
        guard try sink.lastCommittedBatch() == batch else { return nil }
        let rows = try sink.rows(schema: schema)
        guard try sink.lastCommittedBatch() == batch else { return nil }
        return rows.map { values in
            Dictionary(uniqueKeysWithValues: zip(schema.fields.map(\.name), values.map(Self.scalar)))
        }
    }

    /// The columns the checkers compare, as `sluice-job` writes them.
    private var schema: Schema {
        switch query {
        case .countBuys: Schema([Field("buy", .bool), Field("count", .int64)])
        case .windowedCounts: Schema([Field("buy", .bool), Field("window.start", .timestamp), Field("window.end", .timestamp), Field("count", .int64)])
        }
    }

    private static func scalar(_ value: Value) -> JSONScalar {
        switch value {
        case .null: .null
        case .int64(let number), .timestamp(let number): .int(number)
        case .double(let number): .double(number)
        case .bool(let flag): .bool(flag)
        case .string(let text): .string(text)
        }
    }
}
