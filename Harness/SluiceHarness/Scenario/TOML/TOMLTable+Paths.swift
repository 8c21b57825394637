/// Adding to a table by dotted path, with TOML's rules on what may be added where.
extension TOMLTable {
    /// Runs `body` on the table at `path`, which exists (a section already opened).
    mutating func updateTable(atPath path: [String], _ body: (inout TOMLTable) throws(TOMLSyntaxError) -> Void) throws(TOMLSyntaxError) {
        guard let head = path.first else { return try body(&self) }
        try updateTable(at: head) { (inner: inout TOMLTable) throws(TOMLSyntaxError) in try inner.updateTable(atPath: Array(path.dropFirst()), body) }
    }

    /// Sets `value` at the dotted `path` below this table, creating the tables a dotted key names on the way.
    mutating func insert(_ value: TOMLValue, atPath path: [String], walked: [String]) throws(TOMLSyntaxError) {
        let head = path[0], name = walked + [head]
        guard let existing = self[head] else {
            if path.count == 1 { return insert(value, at: head) }
            var created = TOMLTable(line: value.line, origin: .dotted)
            try created.insert(value, atPath: Array(path.dropFirst()), walked: name)
            return insert(TOMLValue(.table(created), line: value.line), at: head)
        }
        guard path.count > 1 else {
            throw TOMLSyntaxError(line: value.line, key: TOMLKey.dotted(name), problem: "defined twice, first on line \(existing.line)")
        }
        guard case .table(let inner) = existing.content else {
            throw TOMLSyntaxError(line: value.line, key: TOMLKey.dotted(walked + path), problem: "\(TOMLKey.dotted(name)) is a value (line \(existing.line)), not a table")
        }
        switch inner.origin {
        case .inline:
            throw TOMLSyntaxError(line: value.line, key: TOMLKey.dotted(walked + path), problem: "the inline table \(TOMLKey.dotted(name)) on line \(inner.line) cannot be added to")
        case .header, .root:
            throw TOMLSyntaxError(line: value.line, key: TOMLKey.dotted(walked + path), problem: "the table [\(TOMLKey.dotted(name))] has a header on line \(inner.line); add the key under it")
        case .dotted, .implicit:
            try updateTable(at: head) { (inner: inout TOMLTable) throws(TOMLSyntaxError) in
                try inner.insert(value, atPath: Array(path.dropFirst()), walked: name)
            }
        }
    }

    /// Opens the table a header names, creating its missing parents as implicit tables.
    mutating func openHeader(_ path: [String], line: Int, walked: [String]) throws(TOMLSyntaxError) {
        let head = path[0], name = walked + [head]
        guard let existing = self[head] else {
            var created = TOMLTable(line: line, origin: path.count == 1 ? .header : .implicit)
            if path.count > 1 { try created.openHeader(Array(path.dropFirst()), line: line, walked: name) }
            return insert(TOMLValue(.table(created), line: line), at: head)
        }
        guard case .table(let inner) = existing.content else {
            throw TOMLSyntaxError(line: line, key: TOMLKey.dotted(name), problem: "the header [\(TOMLKey.dotted(walked + path))] names a value defined on line \(existing.line), not a table")
        }
        if path.count == 1 {
            guard inner.origin == .implicit else {
                throw TOMLSyntaxError(line: line, key: TOMLKey.dotted(name), problem: "the table is already defined on line \(inner.line)")
            }
            try updateTable(at: head) { (inner: inout TOMLTable) throws(TOMLSyntaxError) in
                inner.origin = .header
                inner.line = line
            }
        } else {
            guard inner.origin != .inline else {
                throw TOMLSyntaxError(line: line, key: TOMLKey.dotted(name), problem: "the inline table on line \(inner.line) cannot be added to")
            }
            try updateTable(at: head) { (inner: inout TOMLTable) throws(TOMLSyntaxError) in
                try inner.openHeader(Array(path.dropFirst()), line: line, walked: name)
            }
        }
    }
}
