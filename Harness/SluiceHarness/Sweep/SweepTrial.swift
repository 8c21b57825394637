import SluiceCore

/// One run of a sweep: a scenario at one batch interval and one constant offered rate, and what came of it.
public struct SweepTrial: Sendable, Equatable {
    public var batchInterval: Duration
    public var offeredRate: OrderRate
    /// Committed batches, in commit order.
    public var batches: [TrialBatch]
    /// End-to-end latency over the run.
    public var latency: LatencySummary
    /// Records processed per second; 0 when nothing committed.
    public var processedRate: Double
    /// The run's own result: its checks, or a crash outside a planned fault.
    public var exitCode: HarnessExitCode
    /// The run's report folder, if it wrote one.
    public var folder: String?

    public init(
        batchInterval: Duration, offeredRate: OrderRate, batches: [TrialBatch], latency: LatencySummary,
        processedRate: Double, exitCode: HarnessExitCode = .pass, folder: String? = nil
    ) {
        self.batchInterval = batchInterval
        self.offeredRate = offeredRate
        self.batches = batches
        self.latency = latency
        self.processedRate = processedRate
        self.exitCode = exitCode
        self.folder = folder
    }

    /// The sustain rule's verdict on the trial's batches.
    public var verdict: SustainRule.Verdict { SustainRule.judge(batches, intervalMicroseconds: batchInterval.microseconds) }

    /// Whether the job kept up and the run passed its checks.
    public var sustained: Bool { exitCode == .pass && verdict.isSustained }

    /// Why the trial did not sustain its rate, or "sustained".
    public var outcome: String {
        exitCode == .pass ? verdict.description : "the run ended with \(exitCode)"
    }

    /// The trial as a point of the capacity curve.
    public var capacityPoint: CapacityPoint {
        CapacityPoint(
            batchIntervalMicroseconds: batchInterval.microseconds, offeredRate: offeredRate.ordersPerSecond,
            sustainedRate: processedRate, latency: latency
        )
    }
}
