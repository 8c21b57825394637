/// Table and column names as PostgreSQL statements write them: always double-quoted, so names such as
/// `window.start` or `Order` are taken as they are, with case and dots kept.
enum SQLIdentifier {
    /// PostgreSQL's `NAMEDATALEN - 1`: longer names would be silently truncated by the server.
    static let maximumLength = 63

    /// `name` in double quotes, its own double quotes doubled.
    static func quote(_ name: String) -> String {
        "\"" + name.replacing("\"", with: "\"\"") + "\""
    }

    /// The problem with `name` as an identifier, nil if it has none.
    static func problem(with name: String) -> String? {
        if name.isEmpty { return "an empty name" }
        if name.utf8.count > maximumLength { return "'\(name)' is longer than \(maximumLength) bytes, which PostgreSQL would truncate" }
        if name.utf8.contains(0) { return "'\(name)' holds a NUL character" }
        return nil
    }
}
