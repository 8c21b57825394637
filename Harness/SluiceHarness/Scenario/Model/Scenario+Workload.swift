import SluiceOrders

extension Scenario {
    /// The orders the generator writes, the same for the same values: the whole input of a run.
    public struct Workload: Sendable, Equatable {
        /// Orders to generate, orderIds 1...orders; at least 1.
        public var orders: Int
        /// The generator's seed; the lecture's 20160322 by default.
        public var seed: UInt64
        /// The share of lines, 0...1, replaced by malformed ones; 0 by default.
        public var malformedFraction: Double
        /// The share of orders, 0...1, whose event time is up to ten minutes late; 0.03 by default.
        public var lateFraction: Double

        public init(
            orders: Int, seed: UInt64 = OrderGenerator.Configuration().seed,
            malformedFraction: Double = OrderGenerator.Configuration().malformedFraction,
            lateFraction: Double = OrderGenerator.Configuration().lateFraction
        ) {
            self.orders = orders
            self.seed = seed
            self.malformedFraction = malformedFraction
            self.lateFraction = lateFraction
        }

        /// The generator configuration that writes these orders.
        public var generatorConfiguration: OrderGenerator.Configuration {
            OrderGenerator.Configuration(count: orders, seed: seed, lateFraction: lateFraction, malformedFraction: malformedFraction)
        }
    }
}
