import SluiceCore

/// The capacity sweep's loop: for each batch interval, the rates in increasing order until the first
/// that the job does not sustain. The runner does the runs, so the loop can be tested without processes.
public struct CapacitySweep {
    /// Runs the scenario at a batch interval and a constant offered rate.
    public typealias Runner = (_ batchInterval: Duration, _ rate: OrderRate) throws -> SweepTrial

    /// What the sweep found at one batch interval.
    public struct Row: Sendable, Equatable {
        public var batchInterval: Duration
        /// The trial at the highest rate sustained; nil when even the lowest rate failed.
        public var highestSustained: SweepTrial?
        /// The first trial that failed; nil when every rate was sustained.
        public var firstFailure: SweepTrial?
        /// Every trial at this interval, in the order run.
        public var trials: [SweepTrial]
    }

    public var batchIntervals: [Duration]
    /// Tried in increasing order whatever order they are given in.
    public var rates: [OrderRate]

    public init(batchIntervals: [Duration], rates: [OrderRate]) {
        self.batchIntervals = batchIntervals
        self.rates = rates.sorted()
    }

    public init(_ sweep: Scenario.Sweep) {
        self.init(batchIntervals: sweep.batchIntervals, rates: sweep.rates)
    }

    /// Runs the sweep; `progress` hears of each trial as it ends. A runner's error ends the sweep.
    public func run(_ runner: Runner, progress: (SweepTrial) -> Void = { _ in }) throws -> [Row] {
        try batchIntervals.map { interval in
            var row = Row(batchInterval: interval, highestSustained: nil, firstFailure: nil, trials: [])
            for rate in rates {
                let trial = try runner(interval, rate)
                progress(trial)
                row.trials.append(trial)
                guard trial.sustained else {
                    row.firstFailure = trial
                    break
                }
                row.highestSustained = trial
            }
            return row
        }
    }

    /// The sweep's exit code: the job crashed in a trial, else a trial failed a check, else pass. Rates
    /// the job does not sustain are what a sweep looks for, not a failure.
    public static func exitCode(_ rows: [Row]) -> HarnessExitCode {
        let codes = rows.flatMap(\.trials).map(\.exitCode)
        if codes.contains(.jobCrashed) { return .jobCrashed }
        if codes.contains(.checkFailed) { return .checkFailed }
        return .pass
    }
}
