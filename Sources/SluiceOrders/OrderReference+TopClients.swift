/// A client and the total value of its orders.
public struct ClientValue: Sendable, Hashable {
    /// The client.
    public var clientId: Int64
    /// The sum of amount × price over the client's orders, in cents.
    public var valueInCents: Int64

    /// Creates a client's total.
    public init(clientId: Int64, valueInCents: Int64) {
        self.clientId = clientId
        self.valueInCents = valueInCents
    }

    /// The total value in currency units.
    public var value: Double { Double(valueInCents) / 100 }
}

extension OrderReference {
    /// `top-clients.py`: the `limit` clients whose orders are worth most in total (amount × price, buys
    /// and sells alike), highest first; equal totals by clientId ascending.
    public static func topClients(_ orders: some Sequence<Order>, limit: Int = 5) -> [ClientValue] {
        var totals: [Int64: Int64] = [:]
        for order in orders {
            totals[order.clientId, default: 0] += order.amount * order.exactPriceInCents
        }
        return largest(totals, limit: limit).map { ClientValue(clientId: $0.key, valueInCents: $0.total) }
    }
}

extension Order {
    /// The price in cents, which must be whole: the reference answers are exact only for such prices.
    var exactPriceInCents: Int64 {
        let cents = priceInCents
        precondition(Double(cents) / 100 == price, "order \(orderId): price \(price) is not a whole number of cents")
        return cents
    }
}
