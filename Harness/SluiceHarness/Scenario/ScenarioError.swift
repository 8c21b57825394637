/// A scenario file could not be read: the file, the line when known, the dotted key, and what is wrong
/// with it, written as the harness's other errors are (`run/history.jsonl line 17: …`):
///
/// ```text
/// Scenarios/ramp.toml line 7: rate.to: expected a rate such as 200000 or "200k/s", got "fast"
/// Scenarios/ramp.toml line 9: rate.ovr: unknown key; did you mean "over"? The keys of [rate] with kind = "ramp" are kind, from, to, over
/// Scenarios/ramp.toml: workload.orders: missing: expected a whole number of at least 1, such as 500000
/// ```
public struct ScenarioError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Problem: Sendable, Equatable {
        /// The file is not TOML, or uses what scenario files leave out (arrays of tables, dates).
        case syntax(String)
        /// A value of the wrong type or form: what was expected and the value found, as written.
        case wrongValue(expected: String, found: String)
        /// A required key is absent; what its value should look like.
        case missingKey(expected: String)
        /// A key its table does not have: the table (`[rate] with kind = "ramp"`), its keys, and the
        /// closest of them if the key looks like a typo of it.
        case unknownKey(table: String, known: [String], suggestion: String?)
        /// Values that are each valid but cannot go together, or break a rule between list elements.
        case conflict(String)
        /// The file could not be read at all.
        case unreadable(String)
    }

    /// The file, as it was named to the loader or parser.
    public var file: String
    /// The line, from 1, when the problem has one.
    public var line: Int?
    /// The dotted key (`rate.to`, `faults.at[2]`), nil for a problem with no key.
    public var key: String?
    public var problem: Problem

    public init(file: String, line: Int? = nil, key: String? = nil, problem: Problem) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = problem
    }

    public var description: String {
        var text = file
        if let line { text += " line \(line)" }
        text += ": "
        if let key { text += "\(key): " }
        switch problem {
        case .syntax(let message), .conflict(let message), .unreadable(let message):
            text += message
        case .wrongValue(let expected, let found):
            text += "expected \(expected), got \(found)"
        case .missingKey(let expected):
            text += "missing: expected \(expected)"
        case .unknownKey(let table, let known, let suggestion):
            text += "unknown key"
            if let suggestion { text += "; did you mean \"\(suggestion)\"?" }
            text += (suggestion == nil ? "; the" : " The") + " keys of \(table) are " + known.joined(separator: ", ")
        }
        return text
    }
}
