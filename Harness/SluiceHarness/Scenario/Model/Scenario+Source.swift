extension Scenario {
    /// How the replayer's orders reach the job.
    public enum Source: Sendable, Equatable {
        /// Files of `linesPerFile` lines moved into a watched directory by the lecture's splitter
        /// (`kind = "directory"`).
        case directory(linesPerFile: Int)
        /// Lines over a TCP connection to `host:port`; port 0 takes any free port (`kind = "socket"`).
        case socket(host: String, port: Int)
        /// Chunks of `chunkRows` parsed orders through the in-process lock-free ring, which holds up to
        /// `capacity` chunks (`kind = "ring-buffer"`).
        case ringBuffer(capacity: Int, chunkRows: Int)
        /// Rows inserted into `table` of a PostgreSQL database and read back by key (`kind = "postgres"`).
        case postgres(server: PostgresServer, table: String)

        /// The lecture's splitter's piece size.
        public static let defaultLinesPerFile = 10_000
        /// The socket source's host unless the file says otherwise.
        public static let defaultHost = "127.0.0.1"
        /// The ring's capacity in chunks unless the file says otherwise, as `IngestChannel`'s default.
        public static let defaultRingCapacity = 64
        /// Rows per chunk through the ring unless the file says otherwise.
        public static let defaultChunkRows = 4096
        /// The PostgreSQL source table unless the file says otherwise.
        public static let defaultTable = "orders"

        /// The value of `kind` that selects this source.
        public var kind: String {
            switch self {
            case .directory: "directory"
            case .socket: "socket"
            case .ringBuffer: "ring-buffer"
            case .postgres: "postgres"
            }
        }
    }

    /// Which PostgreSQL server a source or sink uses.
    public enum PostgresServer: Sendable, Equatable {
        /// A server the harness starts on loopback for the run and deletes afterwards (the default).
        case throwaway
        /// An existing server, by libpq connection string; it may hold a password, so reports redact it.
        case conninfo(String)
    }
}
