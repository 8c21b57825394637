import SluiceCore

/// Prefix integrity: after every sink write of a committed batch, the sink holds the reference answer
/// over the prefix of the input that the batch's committed offsets cover — whole input files in name
/// order for a directory source, the first records of each producer for in-process producers.
///
/// Upserting sinks accumulate each batch's rows by key; complete-mode sinks replace the table with each
/// batch's rows. The reference answer follows the growing prefix, adding only the new orders. Invalid
/// at the first batch whose offsets skip a file or whose sink state is not the answer over its prefix;
/// such a failure also says which batch's input, if any, the state does match. Writes whose offsets
/// cannot be mapped are left unchecked and noted; unknown when no write could be checked.
public struct PrefixIntegrityChecker: Checker {
    public static let name = "prefix-integrity"
    public var name: String { Self.name }

    public init() {}

    public func check(_ run: CheckedRun) -> CheckOutcome {
        let reference: any ReferenceAnswer.Type
        let orders: WorkloadOrders
        switch run.referenceAndOrders {
        case .success(let inputs): (reference, orders) = inputs
        case .failure(let problem): return .unknown(name, problem.description)
        }
        var answer = GrowingAnswer(reference, orders: orders)
        var checked = 0
        var lastChecked: (batch: BatchID, input: OrderIDRanges)?
        var unchecked: [String] = []
        var failure: CheckOutcome?
        let problem = SinkReplay.replay(run.ledger, layout: reference.layout) { write, state in
            guard run.ledger.committed.contains(write.batch) else { return true }
            let coverage: InputCoverage
            switch run.coverage(through: write.batch) {
            case .success(let covered): coverage = covered
            case .failure(let problem):
                unchecked.append(problem.description)
                return true
            }
            guard coverage.isPrefix else {
                failure = skippedFiles(coverage, batch: write.batch, run: run)
                return false
            }
            let difference = SinkTableDifference(expected: answer.table(over: coverage.covered), found: state)
            checked += 1
            lastChecked = (write.batch, coverage.covered)
            guard let first = difference.mismatches.first else { return true }
            let more = difference.mismatches.count > 1 ? [difference.othersDiffer] : []
            let match = matchingBatch(state, reference: reference, run: run, orders: orders)
            let matchNote = match.map { "the sink matches the input through batch \($0) instead" } ?? "the sink matches the input of no batch"
            failure = CheckOutcome(
                checker: name, verdict: .invalid, batch: write.batch,
                counts: difference.counts(recovered: run.recoveredOrders(through: write.batch)),
                discrepancy: Discrepancy(batch: write.batch, mismatch: first, layout: state),
                summary: (more + ["expected \(reference.query) over orderId \(coverage.covered), the input its offsets cover", matchNote]).joined(separator: "; ")
            )
            return false
        }
        if let failure { return failure }
        if let problem { return .unknown(name, problem.description) }
        guard let lastChecked else {
            return .unknown(name, unchecked.first ?? "no sinkRows line of a committed batch")
        }
        let writes = checked == 1 ? "after the one sink write of a committed batch" : "after each of \(checked) sink writes of committed batches"
        var summary = "\(writes), the sink equals \(reference.query) over the input its offsets cover"
            + " (the last: orderId \(lastChecked.input) through batch \(lastChecked.batch))"
        if let reason = unchecked.first { summary += "; \(unchecked.count) writes not checked: \(reason)" }
        return CheckOutcome(
            checker: name, verdict: .valid, batch: lastChecked.batch,
            counts: HistoryEvent.CheckCounts(recovered: run.recoveredOrders(through: lastChecked.batch)), summary: summary
        )
    }

    /// The outcome for offsets that skip files: the files read against the first files in name order.
    private func skippedFiles(_ coverage: InputCoverage, batch: BatchID, run: CheckedRun) -> CheckOutcome {
        let names = (try? run.catalog.get())?.fileNames ?? []
        let expected = Array(names.prefix(coverage.filesRead.count))
        return CheckOutcome(
            checker: name, verdict: .invalid, batch: batch,
            discrepancy: Discrepancy(
                batch: batch, subject: "files read",
                expected: "the first \(expected.count) in name order (\(Self.compact(expected, in: names)))",
                found: Self.compact(coverage.filesRead, in: names),
                explanation: "skipped \(coverage.filesSkipped.joined(separator: ", "))"
            ),
            summary: "the committed offsets do not cover a prefix of the input files"
        )
    }

    /// The first batch whose input's answer equals `state`, trying every batch with offsets in order.
    private func matchingBatch(_ state: SinkTable, reference: any ReferenceAnswer.Type, run: CheckedRun, orders: WorkloadOrders) -> BatchID? {
        var answer = GrowingAnswer(reference, orders: orders)
        for batch in run.ledger.offsets.keys.sorted() {
            guard case .success(let coverage) = run.coverage(through: batch) else { continue }
            if answer.table(over: coverage.covered) == state { return batch }
        }
        return nil
    }

    /// File names as runs of consecutive names in `names`' order: `chunkaa..chunkac, chunkae`.
    static func compact(_ files: [String], in names: [String]) -> String {
        let position = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int64($0)) })
        let runs = OrderIDRanges(ids: files.compactMap { position[$0] }).ranges
        let text = runs.map { run in
            run.lowerBound == run.upperBound ? names[Int(run.lowerBound)] : "\(names[Int(run.lowerBound)])..\(names[Int(run.upperBound)])"
        }
        return text.isEmpty ? "none" : text.joined(separator: ", ")
    }
}
