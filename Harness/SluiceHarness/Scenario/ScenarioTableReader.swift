/// One table of a scenario file being read: hands out its values in the forms a scenario uses, and
/// turns every problem into a ``ScenarioError`` that names the file, the line and the dotted key.
///
/// A table that is absent reads as an empty one, so that a required key in it is reported as missing
/// (`workload.orders`) rather than the table.
struct ScenarioTableReader {
    let file: String
    /// The table's dotted path from the top, empty for the top level.
    let path: [String]
    let table: TOMLTable
    /// The header's line; nil for the top level and for an absent table.
    let line: Int?
    /// Whether the file has this table; false for an absent one read as empty.
    let exists: Bool

    /// The top level of a document.
    init(root: TOMLTable, file: String) {
        self.init(file: file, path: [], table: root, line: nil, exists: true)
    }

    private init(file: String, path: [String], table: TOMLTable, line: Int?, exists: Bool) {
        self.file = file
        self.path = path
        self.table = table
        self.line = line
        self.exists = exists
    }

    /// Whether the table has `key`.
    func has(_ key: String) -> Bool {
        table[key] != nil
    }

    /// The line `key` is written on, or the table's line when it is absent.
    func line(of key: String) -> Int? {
        table[key]?.line ?? line
    }

    /// `key` as the dotted path from the top: `rate.to`.
    func name(_ key: String) -> String {
        TOMLKey.dotted(path + [key])
    }

    /// How messages name this table: `the top level`, `[rate]`, or `[rate] with kind = "ramp"`.
    func title(kind: String? = nil) -> String {
        let base = path.isEmpty ? "the top level" : "[\(TOMLKey.dotted(path))]"
        return kind.map { "\(base) with kind = \"\($0)\"" } ?? base
    }

    /// Refuses the first key, in file order, that is not in `known`, suggesting the closest known one.
    func allowOnly(_ known: [String], kind: String? = nil) throws(ScenarioError) {
        guard let unknown = table.keys.first(where: { !known.contains($0) }) else { return }
        throw error(at: unknown, .unknownKey(table: title(kind: kind), known: known, suggestion: ScenarioNames.closest(to: unknown, among: known)))
    }

    /// The value of `key` in `form`, nil when the key is absent.
    func optional<Value>(_ key: String, _ form: ValueForm<Value>) throws(ScenarioError) -> Value? {
        guard let value = table[key] else { return nil }
        return try read(value, form, name: name(key))
    }

    /// The value of `key` in `form`; absent, it is an error that says what to write.
    func required<Value>(_ key: String, _ form: ValueForm<Value>) throws(ScenarioError) -> Value {
        guard let value = try optional(key, form) else { throw error(at: key, .missingKey(expected: form.expected)) }
        return value
    }

    /// The list at `key`, each element in `form`, nil when the key is absent; an empty list is an error.
    /// A bad element is named with its index: `sweep.rates[2]`.
    func optionalList<Value>(_ key: String, of form: ValueForm<Value>) throws(ScenarioError) -> [Value]? {
        guard let value = table[key] else { return nil }
        guard case .array(let elements) = value.content, !elements.isEmpty else {
            throw error(at: key, .wrongValue(expected: "a non-empty list of \(form.expected), in [ ]", found: value.literal))
        }
        var result: [Value] = []
        for (index, element) in elements.enumerated() {
            result.append(try read(element, form, name: "\(name(key))[\(index)]"))
        }
        return result
    }

    /// The list at `key`; absent, an error that says what to write.
    func requiredList<Value>(_ key: String, of form: ValueForm<Value>) throws(ScenarioError) -> [Value] {
        guard let list = try optionalList(key, of: form) else {
            throw error(at: key, .missingKey(expected: "a non-empty list of \(form.expected), in [ ]"))
        }
        return list
    }

    /// One value in `form` or a list of them, as `allocator = "system"` or `allocator = ["jemalloc", "system"]`.
    func optionalOneOrList<Value>(_ key: String, of form: ValueForm<Value>) throws(ScenarioError) -> [Value]? {
        guard let value = table[key] else { return nil }
        if case .array = value.content { return try optionalList(key, of: form) }
        return [try read(value, ValueForm(expected: "\(form.expected), or a list of them", read: form.read), name: name(key))]
    }

    /// The sub-table at `key`, an empty stand-in when it is absent.
    func table(_ key: String) throws(ScenarioError) -> ScenarioTableReader {
        guard let value = table[key] else { return ScenarioTableReader(file: file, path: path + [key], table: TOMLTable(line: 0, origin: .implicit), line: nil, exists: false) }
        guard case .table(let inner) = value.content else {
            throw error(at: key, .wrongValue(expected: "a table, written [\(name(key))] with its keys on the lines below", found: value.literal))
        }
        return ScenarioTableReader(file: file, path: path + [key], table: inner, line: inner.line, exists: true)
    }

    /// An error about `key` at its line.
    func error(at key: String, _ problem: ScenarioError.Problem) -> ScenarioError {
        ScenarioError(file: file, line: line(of: key), key: name(key), problem: problem)
    }

    /// An error about the element `index` of the list at `key`, at the element's line.
    func error(at key: String, index: Int, _ problem: ScenarioError.Problem) -> ScenarioError {
        var line = line(of: key)
        if case .array(let elements)? = table[key]?.content, elements.indices.contains(index) { line = elements[index].line }
        return ScenarioError(file: file, line: line, key: "\(name(key))[\(index)]", problem: problem)
    }

    private func read<Value>(_ value: TOMLValue, _ form: ValueForm<Value>, name: String) throws(ScenarioError) -> Value {
        guard let result = form.read(value) else {
            throw ScenarioError(file: file, line: value.line, key: name, problem: .wrongValue(expected: form.expected, found: value.literal))
        }
        return result
    }
}
