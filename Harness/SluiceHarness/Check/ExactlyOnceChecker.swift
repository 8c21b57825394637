import SluiceCore

/// Exactly once: after the run, the sink holds the reference answer over the input that the last
/// committed batch's offsets cover — nothing lost, nothing counted twice, nothing unexpected.
///
/// The input is taken as the smallest prefix holding what the offsets cover, so a file the source
/// skipped counts as lost. When the last sink write belongs to a batch after the last commit whose
/// offsets are durable (the sink committed, the job died before its commit file), that batch's input is
/// the one the sink must hold. Unknown when the history lacks the workload, the query, a commit, a sink
/// write, or a way to map the offsets to orders.
public struct ExactlyOnceChecker: Checker {
    public static let name = "exactly-once"
    public var name: String { Self.name }

    public init() {}

    public func check(_ run: CheckedRun) -> CheckOutcome {
        let reference: any ReferenceAnswer.Type
        let orders: WorkloadOrders
        switch run.referenceAndOrders {
        case .success(let inputs): (reference, orders) = inputs
        case .failure(let problem): return .unknown(name, problem.description)
        }
        guard let lastCommitted = run.ledger.lastCommitted else { return .unknown(name, "no batch committed") }
        guard let lastWrite = run.ledger.sinkWrites.last else { return .unknown(name, "the history holds no sinkRows line") }
        let found: SinkTable
        switch SinkReplay.finalTable(run.ledger, layout: reference.layout) {
        case .success(let table): found = table
        case .failure(let problem): return .unknown(name, problem.description)
        }
        var notes: [String] = []
        var target = lastCommitted
        if lastWrite.batch > lastCommitted, run.ledger.offsets[lastWrite.batch] != nil {
            target = lastWrite.batch
            notes.append("batch \(target)'s rows reached the sink but its commit is not in the history")
        }
        let coverage: InputCoverage
        switch run.coverage(through: target) {
        case .success(let covered): coverage = covered
        case .failure(let problem): return .unknown(name, problem.description)
        }
        let input = coverage.prefix
        let difference = SinkTableDifference(expected: reference.answer(over: orders.orders(in: input)), found: found)
        let described = "\(reference.query) over orderId \(input) (\(orders.wellFormedCount(in: input)) orders), the input through batch \(target)"
        if !coverage.filesSkipped.isEmpty { notes.append("files skipped: \(coverage.filesSkipped.joined(separator: ", "))") }
        let uncommitted = ((try? run.catalog.get())?.producedIDs ?? OrderIDRanges()).subtracting(input)
        if !uncommitted.isEmpty { notes.append("produced but not committed: orderId \(uncommitted)") }
        if run.ledger.lateRowsDropped > 0 { notes.append("the job dropped \(run.ledger.lateRowsDropped) late rows") }
        let counts = difference.counts(recovered: run.recoveredOrders(through: target))
        guard let first = difference.mismatches.first else {
            return CheckOutcome(
                checker: name, verdict: .valid, batch: target, counts: counts, summary: (["sink equals \(described)"] + notes).joined(separator: "; ")
            )
        }
        let more = difference.mismatches.count > 1 ? [difference.othersDiffer] : []
        return CheckOutcome(
            checker: name, verdict: .invalid, batch: target, counts: counts,
            discrepancy: Discrepancy(batch: target, mismatch: first, layout: found),
            summary: (more + ["expected \(described)"] + notes).joined(separator: "; ")
        )
    }
}
