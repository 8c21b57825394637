extension Scenario {
    /// What `sweep` tries: for each batch interval, the rates in increasing order until the job stops
    /// keeping up; each trial offers its rate for the scenario's duration.
    public struct Sweep: Sendable, Equatable {
        /// Distinct, at least one.
        public var batchIntervals: [Duration]
        /// Strictly increasing, at least one.
        public var rates: [OrderRate]

        public init(batchIntervals: [Duration], rates: [OrderRate]) {
            self.batchIntervals = batchIntervals
            self.rates = rates
        }
    }

    /// The memory allocator the job process runs with.
    public enum Allocator: String, Sendable, Equatable, CaseIterable {
        /// jemalloc (Debian's libjemalloc), linked into the job: the default.
        case jemalloc
        /// The C library's malloc.
        case system
    }
}
