import SluiceCore

/// The lecture's top-clients state: each client's running total of amount × price, over all batches.
///
/// The columnar twin of `updateStateByKey` summing `amount * price` per client: client ids get dense
/// group numbers from an `Int64GroupIndex`, and totals live in an array indexed by group number.
public struct ClientTotals: Sendable {
    private var clients = Int64GroupIndex()
    private var totals = ContiguousArray<Double>()
    private var groups = ContiguousArray<Int32>()
    private var values = ContiguousArray<Double>()

    public init() {}

    /// The number of clients seen so far.
    public var clientCount: Int { clients.count }

    /// Adds the orders of `batch` to the totals.
    public mutating func add(_ batch: RecordBatch) {
        guard case .int64(let clientIDs) = batch.column(named: "clientId"),
              case .int64(let amounts) = batch.column(named: "amount"),
              case .double(let prices) = batch.column(named: "price")
        else { preconditionFailure("ClientTotals: the batch is not an order batch: \(batch.schema)") }
        clients.assignGroups(clientIDs.values, into: &groups)
        values.removeAll(keepingCapacity: true)
        amounts.values.withSpan { amounts in
            prices.values.withSpan { prices in
                for row in amounts.indices { values.append(Double(amounts[row]) * prices[row]) }
            }
        }
        GroupedAggregates.sum(PrimitiveColumn(ColumnBuffer(values)), groups: groups, into: &totals)
    }

    /// The total of `client`, or nil if it has no orders yet.
    public func total(of client: Int64) -> Double? {
        clients.existingGroup(of: client).map { totals[Int($0)] }
    }

    /// The `count` clients with the largest totals, largest first; ties go to the smaller client id.
    public func top(_ count: Int) -> [(client: Int64, total: Double)] {
        var best: [(client: Int64, total: Double)] = []
        for group in 0 ..< clients.count {
            let candidate = (client: clients.keys[group], total: totals[group])
            if best.count == count, let last = best.last, !Self.ranksBefore(candidate, last) { continue }
            let position = best.firstIndex { Self.ranksBefore(candidate, $0) } ?? best.count
            best.insert(candidate, at: position)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    private static func ranksBefore(_ lhs: (client: Int64, total: Double), _ rhs: (client: Int64, total: Double)) -> Bool {
        lhs.total != rhs.total ? lhs.total > rhs.total : lhs.client < rhs.client
    }
}
