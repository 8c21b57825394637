import CSQLite

/// The version of the SQLite library linked in, e.g. `3.40.1`.
public let sqliteLibraryVersion = String(cString: sqlite3_libversion())
