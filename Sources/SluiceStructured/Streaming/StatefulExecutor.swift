import SluiceCore

/// Runs a streaming query's micro-batches: the stateless operators over the new rows, then the state
/// kept across batches, then the rows the output mode asks for.
///
/// Watermark (Spark's semantics): each batch uses the watermark computed at the end of the previous
/// one — the largest event time seen minus the delay. Rows at or before it are dropped (and counted)
/// before the stateful operator; groups whose event time (a window's end, or the key itself) is at or
/// before it are emitted in append mode and then evicted in append and update modes; complete mode
/// keeps every group.
struct StatefulExecutor: Sendable {
    let plan: IncrementalPlan
    let mode: OutputMode
    let outputSchema: Schema
    var aggregation: HashAggregation?
    var sessions: SessionAggregation?
    var seen: GroupKeyTable?
    /// Live groups of the aggregation or deduplication (evicted ones are left out).
    var liveGroups: [Int] = []
    var watermark: Timestamp?
    /// Rows a stateless query with a limit has written so far.
    var rowsEmitted = 0
    var maximumEventTime: Int64?
    /// Whether `process` records the state rows it changed, for a checkpoint.
    var recordsChanges = false
    /// The state rows the last batch changed (when `recordsChanges`).
    var changes = StateChanges()

    /// What one batch did, for the query's progress.
    struct BatchOutcome: Sendable {
        var output: [RecordBatch]
        var inputRows = 0
        var rowsDroppedByWatermark = 0
        var stateRowsUpdated = 0
        var stateRowsTotal = 0
    }

    init(_ query: LogicalPlan, mode: OutputMode) throws(AnalysisError) {
        try UnsupportedOperationChecker.check(query, mode: mode)
        self.outputSchema = try Analyzer.schema(of: query)
        self.plan = try IncrementalPlan(query)
        self.mode = mode
        let input = try Analyzer.schema(of: plan.stateless)
        if let watermark = plan.watermark, input.index(of: watermark.column) == nil {
            throw AnalysisError("withWatermark: column '\(watermark.column)' must reach the stateful operator; it is not among [\(input.fields.map(\.name).joined(separator: ", "))]")
        }
        switch plan.stateful {
        case .aggregate(let keys, let aggregates) where keys.contains(where: \.isSessionWindow):
            sessions = try SessionAggregation(keys: keys, aggregates: aggregates, input: input)
        case .aggregate(let keys, let aggregates): aggregation = try HashAggregation(keys: keys, aggregates: aggregates, input: input)
        case .deduplicate(let columns): seen = GroupKeyTable(keyCount: columns.count)
        case nil: break
        }
    }

    /// Processes the rows of one micro-batch.
    mutating func process(_ input: [RecordBatch]) throws(AnalysisError) -> BatchOutcome {
        var outcome = BatchOutcome(output: [])
        outcome.inputRows = input.reduce(0) { $0 + $1.rowCount }
        var rows = try BatchExecutor.execute(plan.stateless(over: input))
        if let column = plan.watermark?.column {
            observeEventTimes(rows, column: column)
            if plan.stateful != nil, let watermark {
                let kept = try rows.map { batch throws(AnalysisError) in try Selection.apply(.binary(.greater, .column(column), .literal(.timestamp(watermark.microseconds))), to: batch) }
                outcome.rowsDroppedByWatermark = rows.reduce(0) { $0 + $1.rowCount } - kept.reduce(0) { $0 + $1.rowCount }
                rows = kept
            }
        }
        switch plan.stateful {
        case .aggregate where sessions != nil: outcome.output = try aggregateSessions(rows, &outcome)
        case .aggregate: outcome.output = try aggregate(rows, &outcome)
        case .deduplicate(let columns):
            let distinct = deduplicate(rows, columns: columns, &outcome)
            let schema = try Analyzer.schema(of: plan.stateless)
            outcome.output = try BatchExecutor.execute(plan.applyingAbove(to: .source(SourceRelation(name: "state", schema: schema, content: .table(distinct)))))
        case nil: outcome.output = limitedAcrossBatches(rows)
        }
        advanceWatermark()
        return outcome
    }

    private mutating func aggregate(_ rows: [RecordBatch], _ outcome: inout BatchOutcome) throws(AnalysisError) -> [RecordBatch] {
        guard var aggregation else { return [] }
        var touched: [Int] = []
        var touchedSet = Set<Int>()
        let before = aggregation.table.count
        for batch in rows {
            for group in try aggregation.add(batch) where touchedSet.insert(group).inserted { touched.append(group) }
        }
        liveGroups += (before ..< aggregation.table.count)
        outcome.stateRowsUpdated = touched.count
        let expired = expiredGroups(of: aggregation)
        let emitted: [Int]
        switch mode {
        case .complete: emitted = liveGroups
        case .update: emitted = touched
        case .append: emitted = liveGroups.filter(expired.contains)
        }
        let result = aggregation.result(groups: emitted)
        if recordsChanges {
            let removed = mode == .complete ? [] : liveGroups.filter(expired.contains)
            changes = StateChanges(upserts: aggregation.stateRows(groups: mode == .complete ? touched : touched.filter { !expired.contains($0) }),
                                   removals: aggregation.keyRows(groups: removed))
        }
        if mode != .complete, !expired.isEmpty {
            liveGroups.removeAll(where: expired.contains)
            if aggregation.table.count > 1024 && aggregation.table.count > 2 * liveGroups.count {
                aggregation = aggregation.retaining(liveGroups)
                liveGroups = Array(0 ..< liveGroups.count)
            }
        }
        outcome.stateRowsTotal = liveGroups.count
        self.aggregation = aggregation
        return try BatchExecutor.execute(plan.applyingAbove(to: .source(SourceRelation(name: "state", schema: result.schema, content: .table([result])))))
    }

    private mutating func aggregateSessions(_ rows: [RecordBatch], _ outcome: inout BatchOutcome) throws(AnalysisError) -> [RecordBatch] {
        guard var sessions else { return [] }
        var touched = Set<SessionAggregation.SessionID>()
        for batch in rows { touched.formUnion(try sessions.add(batch)) }
        outcome.stateRowsUpdated = touched.count
        let expired = watermark.map { sessions.expired(by: $0.microseconds) } ?? []
        let result: RecordBatch
        switch mode {
        case .complete: result = sessions.result()
        case .update: result = sessions.result(touched)
        case .append: result = sessions.result(expired)
        }
        if mode != .complete { sessions.remove(expired) }
        if recordsChanges { changes = StateChanges(upserts: sessions.stateRows(), replacesAll: true) }
        outcome.stateRowsTotal = sessions.sessionCount
        self.sessions = sessions
        return try BatchExecutor.execute(plan.applyingAbove(to: .source(SourceRelation(name: "state", schema: result.schema, content: .table([result])))))
    }

    /// The live groups whose event time is at or before the watermark.
    private func expiredGroups(of aggregation: HashAggregation) -> Set<Int> {
        guard let watermark, let column = plan.watermark?.column else { return [] }
        guard let position = aggregation.keys.firstIndex(where: { key in
            switch key.unaliased {
            case .column(column), .window(.column(column), _, _, _): true
            default: false
            }
        }) else { return [] }
        var length: Int64 = 0
        if case .window(_, let windowLength, _, _) = aggregation.keys[position].unaliased { length = windowLength.microseconds }
        return Set(liveGroups.filter { group in
            guard case .timestamp(let time) = aggregation.table.key(of: group)[position] else { return false }
            return time + length <= watermark.microseconds
        })
    }

    /// The rows whose key combination was never seen; with a watermark on one of the key columns, keys
    /// whose event time falls at or before the watermark are forgotten (no row can bring them back: such
    /// rows are dropped as late), and their memory is given back once they outnumber the live ones.
    private mutating func deduplicate(_ rows: [RecordBatch], columns: [String], _ outcome: inout BatchOutcome) -> [RecordBatch] {
        guard var seen else { return [] }
        var output: [RecordBatch] = []
        let firstNewGroup = seen.count
        for batch in rows {
            let before = seen.count
            let groups = seen.groups(for: columns.compactMap { batch.column(named: $0) }, rowCount: batch.rowCount)
            let firstRows = GroupKeyTable.firstRowsOfNewGroups(groups, firstNew: before)
            liveGroups += (before ..< seen.count)
            output.append(batch.gather(SelectionVector(firstRows)))
        }
        outcome.stateRowsUpdated = output.reduce(0) { $0 + $1.rowCount }
        var evicted = Set<Int>()
        if let watermark, let column = plan.watermark?.column, let position = columns.firstIndex(of: column) {
            for group in liveGroups {
                if case .timestamp(let time) = seen.key(of: group)[position], time <= watermark.microseconds { evicted.insert(group) }
            }
            liveGroups.removeAll(where: evicted.contains)
        }
        if recordsChanges {
            changes = StateChanges(upserts: seen.keyRows(groups: (firstNewGroup ..< seen.count).filter { !evicted.contains($0) }),
                                   removals: seen.keyRows(groups: evicted.filter { $0 < firstNewGroup }.sorted()))
        }
        if !evicted.isEmpty, seen.count > 1024 && seen.count > 2 * liveGroups.count {
            seen = seen.retaining(liveGroups)
            liveGroups = Array(0 ..< liveGroups.count)
        }
        outcome.stateRowsTotal = liveGroups.count
        self.seen = seen
        return output
    }

    /// A stateless query's rows, cut so that a `limit` above it holds over the whole stream, not per batch.
    private mutating func limitedAcrossBatches(_ rows: [RecordBatch]) -> [RecordBatch] {
        guard let limit = plan.limit else { return rows }
        var output: [RecordBatch] = []
        for batch in rows where rowsEmitted < limit {
            let taken = Swift.min(batch.rowCount, limit - rowsEmitted)
            output.append(batch.slice(rows: 0 ..< taken))
            rowsEmitted += taken
        }
        return output
    }

    private mutating func observeEventTimes(_ rows: [RecordBatch], column: String) {
        for batch in rows {
            guard case .timestamp(let times) = batch.column(named: column), let latest = times.max() else { continue }
            maximumEventTime = Swift.max(maximumEventTime ?? latest, latest)
        }
    }

    /// Moves the watermark to the latest event time minus the delay; it never moves back.
    private mutating func advanceWatermark() {
        guard let delay = plan.watermark?.delay, let latest = maximumEventTime else { return }
        let candidate = Timestamp(microseconds: latest - delay.microseconds)
        if watermark.map({ candidate > $0 }) ?? true { watermark = candidate }
    }
}
