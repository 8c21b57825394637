/// Where a job writes its results: a table that commits each batch with its id.
public enum JobSink: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file (the embedded default).
    case sqlite(path: String)
    /// A PostgreSQL database, by libpq connection string.
    case postgres(conninfo: String)

    /// Reads `sqlite:PATH` or `postgres:CONNINFO`.
    public init(parsing text: String) throws(JobSpecError) {
        if text.hasPrefix("sqlite:"), text.count > 7 {
            self = .sqlite(path: String(text.dropFirst(7)))
        } else if text.hasPrefix("postgres:"), text.count > 9 {
            self = .postgres(conninfo: String(text.dropFirst(9)))
        } else {
            throw JobSpecError(option: "--sink", problem: "expected sqlite:PATH or postgres:CONNINFO, got '\(text)'")
        }
    }

    /// The sink without credentials, for logs and reports.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres: "postgres:(connection string withheld)"
        }
    }
}

/// A job option is missing or malformed; names the option.
public struct JobSpecError: Error, Equatable, CustomStringConvertible {
    public let option: String
    public let problem: String

    public var description: String { "\(option): \(problem)" }
}
