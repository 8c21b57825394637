import SluiceCore

extension Scenario {
    /// What the nemesis does to the job while the replayer runs.
    public enum Faults: Sendable, Equatable {
        /// Nothing (`kind = "none"`, the default).
        case none
        /// SIGKILL at each named fault point in its batch, in the order given; after each kill the job
        /// restarts on its checkpoint armed with the next plan (`kind = "points"`, `at`).
        case points([FaultPlan])
        /// SIGKILL at random times (`kind = "random-kills"`).
        case randomKills(RandomKills)

        /// The value of `kind` that selects these faults.
        public var kind: String {
            switch self {
            case .none: "none"
            case .points: "points"
            case .randomKills: "random-kills"
            }
        }
    }

    /// Kills at random times: one every `every`, give or take up to `jitter`, for the first `lasting` of
    /// the run; the times follow from `seed`, so a rerun kills at the same moments.
    public struct RandomKills: Sendable, Equatable {
        public var every: Duration
        /// At most this far before or after each `every`; zero by default, below `every`.
        public var jitter: Duration
        /// How long, from the start, kills happen (`for` in the file).
        public var lasting: Duration
        /// The seed of the kill times; 1 by default.
        public var seed: UInt64

        public init(every: Duration, jitter: Duration = .zero, lasting: Duration, seed: UInt64 = 1) {
            self.every = every
            self.jitter = jitter
            self.lasting = lasting
            self.seed = seed
        }
    }
}
