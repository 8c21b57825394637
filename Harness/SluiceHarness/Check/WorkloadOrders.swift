import SluiceOrders

/// The orders of a run's workload, generated again from its seed: line *i* holds order id *i*, and the
/// malformed lines, which replace orders, have no order.
public struct WorkloadOrders: Sendable {
    /// What was generated.
    public let workload: HistoryEvent.Workload
    /// The order of line `i` at index `i - 1`; nil for a malformed line.
    private let ordersByLine: [Order?]

    /// Generates every line of `workload`, which must be a valid generator configuration.
    public init(_ workload: HistoryEvent.Workload) {
        self.workload = workload
        var ordersByLine: [Order?] = []
        ordersByLine.reserveCapacity(workload.count)
        for line in OrderGenerator(workload.generatorConfiguration) {
            switch line {
            case .order(let order): ordersByLine.append(order)
            case .malformed: ordersByLine.append(nil)
            }
        }
        self.ordersByLine = ordersByLine
    }

    /// Lines generated: order ids run from 1 to this.
    public var lineCount: Int64 { Int64(ordersByLine.count) }

    /// The order on line `id`, nil for a malformed line or an id outside the workload.
    public func order(id: Int64) -> Order? {
        guard id >= 1, id <= lineCount else { return nil }
        return ordersByLine[Int(id - 1)]
    }

    /// The well-formed orders whose ids are in `ids`, in id order.
    public func orders(in ids: OrderIDRanges) -> [Order] {
        var orders: [Order] = []
        forEachOrder(in: ids) { orders.append($0) }
        return orders
    }

    /// The ids in `ids` whose lines hold an order, not a malformed line.
    public func wellFormed(in ids: OrderIDRanges) -> OrderIDRanges {
        var wellFormed: [Int64] = []
        forEachOrder(in: ids) { wellFormed.append($0.orderId) }
        return OrderIDRanges(ids: wellFormed)
    }

    /// How many of the lines in `ids` hold an order.
    public func wellFormedCount(in ids: OrderIDRanges) -> Int64 {
        var count: Int64 = 0
        forEachOrder(in: ids) { _ in count += 1 }
        return count
    }

    /// Calls `body` with each well-formed order whose id is in `ids`, in id order.
    private func forEachOrder(in ids: OrderIDRanges, _ body: (Order) -> Void) {
        for range in ids.ranges {
            let low = max(range.lowerBound, 1)
            let high = min(range.upperBound, lineCount)
            guard low <= high else { continue }
            for index in Int(low - 1) ..< Int(high) {
                if let order = ordersByLine[index] { body(order) }
            }
        }
    }
}
