import SluiceOrders

extension HistoryEvent {
    /// The seeded order workload of a run, written in a `produced` line as
    /// `"workload":{"count":500000,"lateFraction":0.03,"malformedFraction":0.001,"seed":20160322}`:
    /// enough to generate every order again, so a stored run can be checked without its input files.
    /// The generator's other settings (clients, symbols, start time, time span, lateness) are its defaults.
    public struct Workload: Sendable, Hashable, Codable {
        /// Lines generated, order ids `1...count`.
        public var count: Int
        public var seed: UInt64
        public var malformedFraction: Double
        public var lateFraction: Double

        public init(count: Int, seed: UInt64, malformedFraction: Double = 0, lateFraction: Double = OrderGenerator.Configuration().lateFraction) {
            self.count = count
            self.seed = seed
            self.malformedFraction = malformedFraction
            self.lateFraction = lateFraction
        }

        /// The workload of a generator configuration whose other settings are the defaults.
        public init(_ configuration: OrderGenerator.Configuration) {
            self.init(
                count: configuration.count, seed: configuration.seed,
                malformedFraction: configuration.malformedFraction, lateFraction: configuration.lateFraction
            )
        }

        /// The generator configuration that makes this workload's orders.
        public var generatorConfiguration: OrderGenerator.Configuration {
            OrderGenerator.Configuration(count: count, seed: seed, lateFraction: lateFraction, malformedFraction: malformedFraction)
        }
    }
}
