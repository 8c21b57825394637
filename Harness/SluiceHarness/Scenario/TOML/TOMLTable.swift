/// A TOML table: keys in the order they were written, each with its value.
struct TOMLTable: Sendable, Equatable {
    /// How the table came to be, which decides whether later lines may add to it.
    enum Origin: Sendable, Equatable {
        /// The document itself.
        case root
        /// A `[header]` line.
        case header
        /// A parent named only on the way to a header, as `a` in `[a.b]`; a later `[a]` may still define it.
        case implicit
        /// A parent named by a dotted key, as `a` in `a.b = 1`.
        case dotted
        /// An inline table, `{ … }`, closed once written.
        case inline
    }

    /// The keys, in the order they were first written.
    private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]
    /// The line of the table's header, of the key that made it, or 1 for the document.
    var line: Int
    var origin: Origin

    init(line: Int, origin: Origin) {
        self.line = line
        self.origin = origin
    }

    /// The value at `key`, nil when the table lacks it.
    subscript(key: String) -> TOMLValue? {
        values[key]
    }

    /// Sets `key`, which must not be set yet.
    mutating func insert(_ value: TOMLValue, at key: String) {
        precondition(values[key] == nil, "TOMLTable: \(key) inserted twice")
        keys.append(key)
        values[key] = value
    }

    /// Changes the table at `key` in place; `key` must hold a table.
    mutating func updateTable<Result>(at key: String, _ update: (inout TOMLTable) throws(TOMLSyntaxError) -> Result) throws(TOMLSyntaxError) -> Result {
        guard var value = values[key], case .table(var table) = value.content else {
            preconditionFailure("TOMLTable: \(key) holds no table")
        }
        values[key] = nil
        defer {
            value.content = .table(table)
            values[key] = value
        }
        return try update(&table)
    }
}
