import SluiceCore

/// One scenario file: what to replay into which job at what rate, which faults to inject, what to check
/// afterwards, and how `sweep` and `compare` treat it. `Scenarios/README.md` documents every key.
///
/// Read one with ``ScenarioParser/parse(_:file:)`` or ``ScenarioLoader/load(path:)``; the defaults of the
/// optional keys are the defaults of the initializers here.
public struct Scenario: Sendable, Equatable {
    /// One folder name (the report goes to `Reports/<name>/<run>/`); defaults to the file's name without `.toml`.
    public var name: String
    /// What the scenario shows, in a sentence or two; empty by default.
    public var description: String
    /// The orders to generate.
    public var workload: Workload
    /// How the orders reach the job; a directory fed by the splitter by default.
    public var source: Source
    /// Which API runs which query, at which batch interval.
    public var job: Job
    /// How fast the replayer offers the orders.
    public var rate: OfferedRate
    /// How long the replayer offers load; nil (the default) offers every order of the workload.
    public var duration: Duration?
    /// Where the job writes its results; SQLite by default.
    public var sink: Sink
    /// The faults the nemesis injects; none by default.
    public var faults: Faults
    /// What the checkers verify after the run.
    public var checks: Checks
    /// The batch intervals and rates `sweep` tries; nil when the scenario is not meant for `sweep`.
    public var sweep: Sweep?
    /// The allocators to run the job with, one run each; `[.jemalloc]` by default.
    public var allocators: [Allocator]
    /// How much worse a candidate run may be than its baseline before `compare` calls it a regression.
    public var tolerances: Tolerances

    public init(
        name: String, description: String = "", workload: Workload, source: Source = .directory(linesPerFile: Source.defaultLinesPerFile),
        job: Job, rate: OfferedRate, duration: Duration? = nil, sink: Sink = .sqlite(path: nil, table: Sink.defaultTable),
        faults: Faults = .none, checks: Checks = Checks(), sweep: Sweep? = nil, allocators: [Allocator] = [.jemalloc],
        tolerances: Tolerances = Tolerances()
    ) {
        self.name = name
        self.description = description
        self.workload = workload
        self.source = source
        self.job = job
        self.rate = rate
        self.duration = duration
        self.sink = sink
        self.faults = faults
        self.checks = checks
        self.sweep = sweep
        self.allocators = allocators
        self.tolerances = tolerances
    }
}
