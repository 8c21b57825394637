/// `compare` could not read a run, or was given a wrong option: names the file, and the line and column
/// when the problem has them, written as the harness's other errors are:
///
/// ```text
/// Reports/smoke/latest/batches.csv line 7, column processing_ms: expected a number of milliseconds, got "fast"
/// Reports/smoke/latest/latency.csv: missing the header column p99.9_ms; the header is samples,p50_ms,p90_ms,p99_ms,p99.9_ms,max_ms
/// --p99-rise: expected a rise such as 20% or +20%, got "fast"
/// ```
public struct CompareError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, or the option, the problem is in.
    public var place: String
    /// The line, from 1, when the problem has one.
    public var line: Int?
    /// The column's header name, when the problem has one.
    public var column: String?
    /// What is wrong.
    public var problem: String

    public init(place: String, line: Int? = nil, column: String? = nil, problem: String) {
        self.place = place
        self.line = line
        self.column = column
        self.problem = problem
    }

    public var description: String {
        var text = place
        if let line { text += " line \(line)" }
        if let column { text += ", column \(column)" }
        return text + ": " + problem
    }
}
