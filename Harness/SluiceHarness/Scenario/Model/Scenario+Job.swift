extension Scenario {
    /// The job under test: which API runs which query, and how often a batch starts.
    public struct Job: Sendable, Equatable {
        /// Structured by default.
        public var api: API
        /// A lecture's query or a SQL text; required.
        public var query: Query
        /// The time between batch starts; one second by default.
        public var batchInterval: Duration
        /// A full state snapshot every this many batches, as `sluice-job --snapshot-interval`; 10 by default.
        public var snapshotInterval: Int

        /// One second.
        public static let defaultBatchInterval = Duration.seconds(1)
        /// As `sluice-job`'s.
        public static let defaultSnapshotInterval = 10

        public init(api: API = .structured, query: Query, batchInterval: Duration = defaultBatchInterval, snapshotInterval: Int = defaultSnapshotInterval) {
            self.api = api
            self.query = query
            self.batchInterval = batchInterval
            self.snapshotInterval = snapshotInterval
        }
    }

    /// Which of Sluice's two APIs runs the query.
    public enum API: String, Sendable, Equatable, CaseIterable {
        /// DataFrames, `Session` and `StreamingQuery` (the default).
        case structured
        /// `StreamingContext` and `DStream`.
        case dstream
    }

    /// What the job computes.
    public enum Query: Sendable, Equatable, CustomStringConvertible {
        /// One of the lecture's queries (`query = "…"`).
        case named(NamedQuery)
        /// A SQL `SELECT` over the stream registered as `orders` (`sql = "…"`); Structured API only.
        case sql(String)

        /// The name, or `sql` for a SQL text.
        public var description: String {
            switch self {
            case .named(let query): query.rawValue
            case .sql: "sql"
            }
        }
    }

    /// The lecture's queries, by the names scenario files use.
    public enum NamedQuery: String, Sendable, Equatable, CaseIterable {
        /// Buys and sells counted: `groupBy(buy).count()`.
        case countBuys = "count-buys"
        /// The five clients with the largest amount × price since the start, with buy and sell counts.
        case topClients = "top-clients"
        /// The five most traded symbols by amount over the last hour, per batch.
        case topStocksPerHour = "top-stocks-per-hour"
        /// Buys and sells per one-hour event-time window sliding by five minutes.
        case windowedCounts = "windowed-counts"
    }
}
