import SluiceCore

/// A stored run as the checkers see it: the history's entries, the facts gathered from them, the
/// workload's orders generated again from the seed the history records, and the query whose reference
/// answer the sink is compared with. Everything comes from the history (and the sink row files it
/// names), so a stored run can be checked again at any time; building it does no I/O.
public struct CheckedRun: Sendable {
    public let entries: [HistoryEntry]
    public let ledger: RunLedger
    /// The workload's orders, or why they cannot be generated.
    public let orders: Result<WorkloadOrders, CheckProblem>
    /// The query's reference answer, or why there is none.
    public let reference: Result<any ReferenceAnswer.Type, CheckProblem>
    /// The query's reference answer and the workload's orders together, or the first reason one is missing.
    public var referenceAndOrders: Result<(reference: any ReferenceAnswer.Type, orders: WorkloadOrders), CheckProblem> {
        reference.flatMap { reference in orders.map { (reference, $0) } }
    }

    /// The produced input, or why the orders cannot be generated.
    public let catalog: Result<InputCatalog, CheckProblem>

    /// The run of `entries`. `sinkRowFiles` holds the rows of the files `sinkRows` lines name, by the
    /// path the line gives. `fallbackReference` is the query to check when no `sinkRows` line names one.
    public init(
        entries: [HistoryEntry], sinkRowFiles: [String: [[String: JSONScalar]]] = [:], fallbackReference: (any ReferenceAnswer.Type)? = nil
    ) {
        self.entries = entries
        let ledger = RunLedger(entries: entries, sinkRowFiles: sinkRowFiles)
        self.ledger = ledger
        reference = Self.reference(named: ledger.queryNames, fallback: fallbackReference)
        orders = Self.orders(of: ledger.produced)
        catalog = orders.map { InputCatalog(produced: ledger.produced, orders: $0) }
    }

    /// The coverage of `batch`'s offsets.
    public func coverage(through batch: BatchID) -> Result<InputCoverage, CheckProblem> {
        orders.flatMap { orders in catalog.flatMap { $0.coverage(through: batch, offsets: ledger.offsets, orders: orders) } }
    }

    /// Orders of batches through `batch` that started more than once (a kill cut them short and they ran
    /// again) and committed: the orders a recovery had to bring back.
    public func recoveredOrders(through batch: BatchID) -> Int64 {
        guard case .success(let orders) = orders else { return 0 }
        var recovered: Int64 = 0
        for (rerun, starts) in ledger.starts where starts > 1 && rerun <= batch && ledger.committed.contains(rerun) {
            guard case .success(let after) = coverage(through: rerun) else { continue }
            let before = rerun.rawValue > 0 ? (try? coverage(through: BatchID(rerun.rawValue - 1)).get())?.covered ?? OrderIDRanges() : OrderIDRanges()
            recovered += orders.wellFormedCount(in: after.covered.subtracting(before))
        }
        return recovered
    }

    private static func reference(named names: Set<String>, fallback: (any ReferenceAnswer.Type)?) -> Result<any ReferenceAnswer.Type, CheckProblem> {
        guard names.count <= 1 else {
            return .failure(CheckProblem("the sinkRows lines name several queries: \(names.sorted().joined(separator: ", "))"))
        }
        if let name = names.first {
            guard let reference = ReferenceQueries.named(name) else {
                return .failure(CheckProblem("query '\(name)' has no reference answer (known: \(ReferenceQueries.names.joined(separator: ", ")))"))
            }
            return .success(reference)
        }
        guard let fallback else { return .failure(CheckProblem("no sinkRows line names the query, and none was given (--query)")) }
        return .success(fallback)
    }

    private static func orders(of produced: [HistoryEvent.Produced]) -> Result<WorkloadOrders, CheckProblem> {
        let workloads = Set(produced.compactMap(\.workload))
        guard workloads.count <= 1 else { return .failure(CheckProblem("the produced lines name \(workloads.count) different workloads")) }
        guard let workload = workloads.first else {
            return .failure(CheckProblem("the history records no workload (no produced line has a 'workload' field)"))
        }
        let problems = workload.generatorConfiguration.problems
        guard problems.isEmpty else { return .failure(CheckProblem("the workload cannot be generated: \(problems.joined(separator: "; "))")) }
        return .success(WorkloadOrders(workload))
    }
}
