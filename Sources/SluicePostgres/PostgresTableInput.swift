import Synchronization
import SluiceCore

/// Reads an append-only PostgreSQL table as a stream, by an increasing integer key column: each cut
/// takes the rows whose key is past the last key read, up to the largest key at the cut (capped to
/// `maxRowsPerBatch` rows), in key order, and ends at that key (`{"key":N}`); a batch run again after
/// a restart gets exactly its rows back from `replay`, since the table keeps them.
///
/// Rows are decoded into `schema` from the columns of the same names (the key column need not be one
/// of them): a value that does not convert (text in a number field, a NULL in a non-nullable one) makes
/// the row malformed, skipped and counted with a sample naming the table, key and column.
///
/// The caveat: keys must become visible in increasing order. A row committed with a key smaller than
/// one a cut already read is never read (nor is a row whose key is NULL). Use one writer, or keys from a
/// sequence with transactions that commit in key order; concurrent writers taking `bigserial` values
/// may commit out of order.
public final class PostgresTableInput: ReplayableInput {
    /// The table read.
    public let table: String
    /// The integer column whose values order the rows.
    public let keyColumn: String
    /// The fields read, from the table's columns of the same names.
    public let schema: Schema
    /// At most this many rows per cut (more only when several rows share the last key); nil for all.
    public let maxRowsPerBatch: Int?
    let connection: PostgresConnection
    private let state = Mutex<State>(State())

    private struct State {
        var lastKey: Int64?
        var readers: [PostgresColumnReader]?
    }

    /// An input of `table` through a connection made from `conninfo` at `start()`.
    public init(conninfo: String, table: String, keyColumn: String, schema: Schema, maxRowsPerBatch: Int? = nil) {
        precondition(maxRowsPerBatch.map { $0 > 0 } ?? true, "PostgresTableInput: maxRowsPerBatch must be positive")
        self.table = table
        self.keyColumn = keyColumn
        self.schema = schema
        self.maxRowsPerBatch = maxRowsPerBatch
        self.connection = PostgresConnection(conninfo: conninfo)
    }

    /// `postgres table <table>`.
    public var name: String { "postgres table \(table)" }

    /// Connects and checks that the table has the key column (an integer) and a column per field;
    /// throws a `PostgresError` naming what is missing.
    public func start() throws { _ = try readers() }

    /// The rows past the last key read, up to the largest key now (or the `maxRowsPerBatch`-th row);
    /// a failed read is reported as a problem and the input stays where it was.
    public func cut(for batch: BatchID, at time: Timestamp) -> InputSlice {
        let start = state.withLock { $0.lastKey }
        do {
            guard let end = try nextEnd(after: start) else { return InputSlice(end: PostgresKeyOffset(key: start).offset) }
            let slice = try read(after: start, through: end)
            state.withLock { $0.lastKey = end }
            return slice
        } catch {
            let problem = InputProblem(source: name, message: "cannot read past key \(start.map(String.init) ?? "none"): \(error)")
            return InputSlice(problems: [problem], end: PostgresKeyOffset(key: start).offset)
        }
    }

    /// Whether the table holds a key past the last one read (false if it cannot be asked).
    public var hasPendingData: Bool {
        let start = state.withLock { $0.lastKey }
        guard let largest = try? largestKey() else { return false }
        return start.map { largest > $0 } ?? true
    }

    /// Closes the connection.
    public func stop() { connection.close() }

    /// Makes the next cut read the keys past `offset`'s (every key when nil); `history` and `log` are not
    /// needed, as the table keeps its rows. Throws a `ReplayError` if `offset` is not a key offset.
    public func resume(after offset: SourceOffset?, history: [SourceOffset], log: String) throws {
        let key = try offset.map { try parse($0).key } ?? nil
        state.withLock { $0.lastKey = key }
    }

    /// The rows with keys in (`start`, `end`], read again from the table; throws a `ReplayError` naming
    /// the range if they cannot be read.
    public func replay(from start: SourceOffset?, to end: SourceOffset) throws -> InputSlice {
        let first = try start.map { try parse($0).key } ?? nil
        guard let last = try parse(end).key else { return InputSlice(end: end) }
        do {
            return try read(after: first, through: last)
        } catch {
            throw ReplayError(input: name, message: "cannot read keys (\(first.map(String.init) ?? "start"), \(last)]: \(error)")
        }
    }

    /// Nothing to forget: the table keeps its rows.
    public func commit(through offset: SourceOffset) throws {}

    /// The readers of the schema's fields, made at the first call from the table's columns.
    func readers() throws -> [PostgresColumnReader] {
        if let readers = state.withLock({ $0.readers }) { return readers }
        let columns = try PostgresTableCatalog.columns(of: table, using: connection)
        let types = Dictionary(columns.map { ($0.name, $0.type) }, uniquingKeysWith: { first, _ in first })
        guard !columns.isEmpty else { throw problem("table \(table) does not exist") }
        guard let keyType = types[keyColumn] else { throw problem("table \(table) has no key column '\(keyColumn)'") }
        guard PostgresTypeMapping.isInteger(keyType) else {
            throw problem("table \(table), key column '\(keyColumn)' is \(keyType); it must be an integer column")
        }
        let readers = try schema.fields.map { field in
            guard let type = types[field.name] else {
                throw problem("table \(table) has no column '\(field.name)' (its columns: \(columns.map(\.name).joined(separator: ", ")))")
            }
            return PostgresColumnReader(field: field, postgresType: type)
        }
        state.withLock { $0.readers = readers }
        return readers
    }

    private func parse(_ offset: SourceOffset) throws -> PostgresKeyOffset {
        guard let parsed = PostgresKeyOffset(offset) else {
            throw ReplayError(input: name, message: "offset \(offset) is not {\"key\":N} nor {\"key\":null}")
        }
        return parsed
    }
}
