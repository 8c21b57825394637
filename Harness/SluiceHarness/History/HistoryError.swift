/// A history file could not be written or read; names the file and, for a bad line, its number.
///
/// For example `run/history.jsonl line 17: missing field 'batch'`.
public struct HistoryError: Error, Equatable, CustomStringConvertible {
    /// The history file.
    public let path: String
    /// The line, from 1, when one line is at fault.
    public let line: Int?
    /// What went wrong.
    public let problem: String

    public init(path: String, line: Int? = nil, problem: String) {
        self.path = path
        self.line = line
        self.problem = problem
    }

    public var description: String {
        if let line { "\(path) line \(line): \(problem)" } else { "\(path): \(problem)" }
    }
}
