import SluiceCore

extension Scenario {
    /// The scenario with `fraction` of its orders (at least one) and of its duration, for quick runs.
    public func scaled(by fraction: Double) -> Scenario {
        guard fraction < 1 else { return self }
        var scaled = self
        scaled.workload.orders = max(1, Int((Double(workload.orders) * fraction).rounded()))
        scaled.duration = duration.map { .microseconds(Int64((Double($0.microseconds) * fraction).rounded())) }
        return scaled
    }
}
