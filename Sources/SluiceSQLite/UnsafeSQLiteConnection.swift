import CSQLite

// The only file of Sluice that calls the SQLite C API or touches its pointers.
//
// Pointer lifetimes:
// - `sqlite3 *` belongs to one `SQLiteConnection`, opened in `init` and closed once with
//   `sqlite3_close_v2`, by `close()` or `deinit`. `close_v2` never leaves a dangling handle: while a
//   statement is still unfinalized the connection becomes a "zombie" that SQLite frees when the last
//   statement is finalized. A statement checks that its connection is open before each step.
// - `sqlite3_stmt *` belongs to one `SQLiteStatement`, which holds its connection strongly (so the
//   connection object outlives it) and finalizes the statement in `deinit`.
// - Bound text: the bytes come from a `Span` or a `String` and are only valid inside the closure
//   that lends them, while the statement runs later, in `step()`. Every text is therefore bound
//   with `SQLITE_TRANSIENT`, which makes SQLite copy the bytes before `sqlite3_bind_text64`
//   returns. Lengths are passed explicitly, so SQLite never reads past the buffer (and a text may
//   hold NUL bytes); an empty text is bound from a literal, because a nil pointer would bind NULL.
// - Column text (`sqlite3_column_text`) is valid until the next step, reset or finalize of its
//   statement; it is copied into a `String` at once, with the length `sqlite3_column_bytes` reports.
//
// Concurrency: neither class is `Sendable`. A connection is opened with `SQLITE_OPEN_NOMUTEX`
// (SQLite's multi-thread mode: no lock of its own, one thread at a time per connection), so its
// owner must serialize all use: `SQLiteTable` keeps it inside a `Mutex` and only reaches it, and the
// statements made from it, inside `withLock`. The compiler enforces that, since a non-`Sendable`
// value cannot leave the lock's closure; no `@unchecked Sendable` is needed.

/// An open SQLite database file in WAL journal mode with `synchronous=FULL`, so a committed
/// transaction survives a crash or a power cut; opening a file left by a killed writer recovers it.
final class SQLiteConnection {
    /// The database file.
    let path: String
    private var handle: OpaquePointer?

    /// How long a statement waits for another connection's lock before failing with `SQLITE_BUSY`.
    static let busyTimeoutMilliseconds: Int32 = 10_000

    /// Opens `path`, creating the file if it does not exist.
    init(path: String) throws(SQLiteError) {
        self.path = path
        var opened: OpaquePointer?
        let status = sqlite3_open_v2(path, &opened, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nil)
        guard status == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_close_v2(opened)
            throw SQLiteError(path: path, message: "cannot open the database: \(message)", code: status)
        }
        handle = opened
        sqlite3_extended_result_codes(opened, 1)
        sqlite3_busy_timeout(opened, Self.busyTimeoutMilliseconds)
        let journalMode = "PRAGMA journal_mode=WAL"
        let mode = try prepare(journalMode).singleText()
        guard mode?.lowercased() == "wal" else {
            throw SQLiteError(path: path, sql: journalMode, message: "cannot use WAL journal mode (the file stays in '\(mode ?? "?")' mode)")
        }
        try execute("PRAGMA synchronous=FULL")
    }

    deinit { sqlite3_close_v2(handle) }

    /// The version of the SQLite library linked in, e.g. `3.40.1`.
    static var libraryVersion: String { String(cString: sqlite3_libversion()) }

    /// Whether the connection has not been closed.
    var isOpen: Bool { handle != nil }

    /// Whether a transaction is open (SQLite is not in autocommit mode).
    var isInsideTransaction: Bool { handle.map { sqlite3_get_autocommit($0) == 0 } ?? false }

    /// Runs `sql`, one or more statements without parameters, discarding any rows.
    func execute(_ sql: String) throws(SQLiteError) {
        let database = try openHandle(for: sql)
        let status = sqlite3_exec(database, sql, nil, nil, nil)
        guard status == SQLITE_OK else { throw error(status, sql: sql) }
    }

    /// Compiles one statement.
    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        let database = try openHandle(for: sql)
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(database, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            sqlite3_finalize(statement)
            throw error(status, sql: sql)
        }
        return SQLiteStatement(handle: statement, sql: sql, connection: self)
    }

    /// Opens a write transaction, taking the database's write lock at once (`BEGIN IMMEDIATE`), so a
    /// transaction never fails half way because another writer got the lock first.
    func begin() throws(SQLiteError) { try execute("BEGIN IMMEDIATE") }

    /// Commits the open transaction; once this returns the transaction is durable.
    func commit() throws(SQLiteError) { try execute("COMMIT") }

    /// Discards the open transaction.
    func rollback() throws(SQLiteError) { try execute("ROLLBACK") }

    /// Closes the connection; an open transaction is rolled back. Closing twice does nothing.
    func close() {
        sqlite3_close_v2(handle)
        handle = nil
    }

    /// The error for result code `status` of `sql`, with SQLite's message.
    func error(_ status: Int32, sql: String?) -> SQLiteError {
        let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(status))
        return SQLiteError(path: path, sql: sql, message: message, code: status)
    }

    private func openHandle(for sql: String) throws(SQLiteError) -> OpaquePointer {
        guard let handle else { throw SQLiteError(path: path, sql: sql, message: "the connection is closed") }
        return handle
    }
}

/// What a result column holds in the current row.
enum SQLiteStorageClass {
    case integer, real, text, blob, null
}

/// A compiled statement of one connection: bind parameters (numbered from 1), step through the
/// rows, read columns (numbered from 0), reset, and run again.
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let connection: SQLiteConnection
    /// The statement's text, for errors.
    let sql: String

    fileprivate init(handle: OpaquePointer, sql: String, connection: SQLiteConnection) {
        self.handle = handle
        self.sql = sql
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds an integer to parameter `index`.
    func bind(_ value: Int64, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds a double to parameter `index`.
    func bind(_ value: Double, at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds a text to parameter `index`.
    func bind(_ text: String, at index: Int32) throws(SQLiteError) {
        var text = text
        try check(text.withUTF8 { buffer in bindText(buffer, at: index) })
    }

    /// Binds UTF-8 bytes as a text to parameter `index`; SQLite copies them.
    func bind(utf8 bytes: Span<UInt8>, at index: Int32) throws(SQLiteError) {
        try check(bytes.withUnsafeBufferPointer { buffer in bindText(buffer, at: index) })
    }

    /// Binds NULL to parameter `index`.
    func bindNull(at index: Int32) throws(SQLiteError) {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Runs the statement to its next row: true if there is one to read, false when it is done.
    func step() throws(SQLiteError) -> Bool {
        guard connection.isOpen else { throw SQLiteError(path: connection.path, sql: sql, message: "the connection is closed") }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let status: throw connection.error(status, sql: sql)
        }
    }

    /// Makes the statement ready to run again, keeping its bindings. A failure of the last run was
    /// already thrown by `step()`, so the result code `sqlite3_reset` repeats is not.
    func reset() {
        sqlite3_reset(handle)
    }

    /// The number of result columns.
    var columnCount: Int32 { sqlite3_column_count(handle) }

    /// The name of result column `column`.
    func columnName(_ column: Int32) -> String {
        sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
    }

    /// What result column `column` holds in the current row.
    func storageClass(_ column: Int32) -> SQLiteStorageClass {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER: .integer
        case SQLITE_FLOAT: .real
        case SQLITE_TEXT: .text
        case SQLITE_BLOB: .blob
        default: .null
        }
    }

    /// Result column `column` of the current row as an integer.
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

    /// Result column `column` of the current row as a double.
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }

    /// Result column `column` of the current row as a text, nil if NULL.
    func text(_ column: Int32) -> String? {
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Runs the statement and returns the text of the first column of its first row (nil if no row).
    func singleText() throws(SQLiteError) -> String? {
        defer { reset() }
        return try step() ? text(0) : nil
    }

    /// Runs the statement and returns the integer of the first column of its first row (nil if no
    /// row, or NULL).
    func singleInt64() throws(SQLiteError) -> Int64? {
        defer { reset() }
        guard try step(), storageClass(0) != .null else { return nil }
        return int64(0)
    }

    /// Binds `buffer` as UTF-8 text with `SQLITE_TRANSIENT`, so SQLite copies it before returning;
    /// returns SQLite's result code.
    private func bindText(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int32) -> Int32 {
        let transient = unsafeBitCast(-1 as Int, to: sqlite3_destructor_type.self)
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            return sqlite3_bind_text(handle, index, "", 0, transient)
        }
        return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { characters in
            sqlite3_bind_text64(handle, index, characters, sqlite3_uint64(buffer.count), transient, UInt8(SQLITE_UTF8))
        }
    }

    private func check(_ status: Int32) throws(SQLiteError) {
        guard status == SQLITE_OK else { throw connection.error(status, sql: sql) }
    }
}
