import SluiceCore

extension Scenario {
    /// The scenario with its job's batch interval set to `interval`.
    public func withBatchInterval(_ interval: Duration) -> Scenario {
        var copy = self
        copy.job.batchInterval = interval
        return copy
    }

    /// The scenario offering the constant `rate` throughout.
    public func offering(_ rate: OrderRate) -> Scenario {
        var copy = self
        copy.rate = .constant(rate)
        return copy
    }
}
