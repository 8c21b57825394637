extension Scenario {
    /// Where the job writes its results, each batch once, with its id.
    public enum Sink: Sendable, Equatable {
        /// Files written by the Structured API's file sink, with its manifest (`kind = "file"`); `path`
        /// nil puts them in the run's folder.
        case file(format: FileFormat, path: String?)
        /// A table of a SQLite database (`kind = "sqlite"`, the default); `path` nil puts the database
        /// in the run's folder.
        case sqlite(path: String?, table: String)
        /// A table of a PostgreSQL database (`kind = "postgres"`).
        case postgres(server: PostgresServer, table: String)
        /// Rows kept in the job's memory (`kind = "memory"`): gone when the job is killed, so no faults.
        case memory

        /// The result table unless the file says otherwise.
        public static let defaultTable = "results"

        /// The value of `kind` that selects this sink.
        public var kind: String {
            switch self {
            case .file: "file"
            case .sqlite: "sqlite"
            case .postgres: "postgres"
            case .memory: "memory"
            }
        }

        /// Whether the results outlive a killed job, as a check after a fault needs.
        public var survivesKills: Bool {
            self != .memory
        }
    }

    /// The text format of a file sink.
    public enum FileFormat: String, Sendable, Equatable, CaseIterable {
        /// Comma-separated values with a header line (the default).
        case csv
        /// JSON lines, one object a row.
        case json
    }
}
