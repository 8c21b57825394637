import SluiceCore

/// The state rows one batch changed: upserted groups (key and state) and removed keys, or, when
/// `replacesAll`, the whole state.
struct StateChanges: Sendable {
    var upserts: RecordBatch?
    var removals: RecordBatch?
    var replacesAll = false
}

/// How a stateful executor's state becomes checkpoint versions and comes back from them.
///
/// A version is three batches: a one-row header (whether it replaces all state, the watermark, the
/// latest event time, the rows a limited query emitted), the upserted rows and the removed keys. A
/// delta holds one batch's changes; a snapshot holds all live state and replaces what came before.
extension StatefulExecutor {
    /// Whether the query keeps anything across batches that a restart must get back.
    var hasState: Bool { plan.stateful != nil || plan.watermark != nil || plan.limit != nil }

    /// The version the last `process` produced, as batches.
    func stateDelta() -> [RecordBatch] {
        version(replacesAll: changes.replacesAll, upserts: changes.upserts, removals: changes.removals)
    }

    /// All live state, as batches.
    func stateSnapshot() -> [RecordBatch] {
        if let aggregation { return version(replacesAll: true, upserts: aggregation.stateRows(groups: liveGroups), removals: nil) }
        if let sessions { return version(replacesAll: true, upserts: sessions.stateRows(), removals: nil) }
        if let seen { return version(replacesAll: true, upserts: seen.keyRows(groups: liveGroups), removals: nil) }
        return version(replacesAll: true, upserts: nil, removals: nil)
    }

    /// Rebuilds the state from versions made by `stateDelta` and `stateSnapshot`, oldest first.
    mutating func restore(from versions: [[RecordBatch]]) throws(AnalysisError) {
        for version in versions {
            guard version.count == 3, version[0].rowCount == 1 else {
                throw AnalysisError("a state version of this query must hold a header and two row batches, found \(version.count) batch(es)")
            }
            let header = version[0].columns.map { $0.value(at: 0) }
            let replacesAll = header[0] == .bool(true)
            if case .timestamp(let time) = header[1] { watermark = Timestamp(microseconds: time) } else { watermark = nil }
            if case .int64(let time) = header[2] { maximumEventTime = time } else { maximumEventTime = nil }
            if case .int64(let count) = header[3] { rowsEmitted = Int(count) }
            apply(upserts: version[1], removals: version[2], replacesAll: replacesAll)
        }
        if let aggregation, aggregation.table.count > liveGroups.count {
            self.aggregation = aggregation.retaining(liveGroups)
            liveGroups = Array(0 ..< liveGroups.count)
        }
        if let seen, seen.count > liveGroups.count {
            self.seen = seen.retaining(liveGroups)
            liveGroups = Array(0 ..< liveGroups.count)
        }
    }

    private mutating func apply(upserts: RecordBatch, removals: RecordBatch, replacesAll: Bool) {
        if var aggregation {
            if replacesAll { liveGroups = [] }
            let restored = upserts.rowCount > 0 ? aggregation.restore(upserts) : []
            let removed = removals.rowCount > 0 ? aggregation.groups(ofKeys: removals) : []
            updateLiveGroups(adding: restored, removing: removed, groupCount: aggregation.table.count)
            self.aggregation = aggregation
        } else if var sessions {
            sessions.restore(upserts)
            self.sessions = sessions
        } else if var seen {
            if replacesAll { liveGroups = [] }
            let restored = upserts.rowCount > 0 ? seen.groups(for: upserts.columns, rowCount: upserts.rowCount) : []
            let removed = removals.rowCount > 0 ? seen.groups(for: removals.columns, rowCount: removals.rowCount) : []
            updateLiveGroups(adding: restored, removing: removed, groupCount: seen.count)
            self.seen = seen
        }
    }

    /// Appends the groups of `added` that are not live yet (each once, in order of first appearance),
    /// then drops those of `removed`. Group numbers are dense below `groupCount`, so one flag per group
    /// stands in for sets: a restart applies a snapshot and several deltas, and hashing every live
    /// group once per version made up most of restoring 100,000 keys.
    private mutating func updateLiveGroups(adding added: ContiguousArray<Int32>, removing removed: ContiguousArray<Int32>, groupCount: Int) {
        guard !added.isEmpty || !removed.isEmpty else { return }
        var isLive = [Bool](repeating: false, count: groupCount)
        for group in liveGroups { isLive[group] = true }
        for group in added.lazy.map(Int.init) where !isLive[group] {
            isLive[group] = true
            liveGroups.append(group)
        }
        guard !removed.isEmpty else { return }
        for group in removed { isLive[Int(group)] = false }
        liveGroups.removeAll { !isLive[$0] }
    }

    private func version(replacesAll: Bool, upserts: RecordBatch?, removals: RecordBatch?) -> [RecordBatch] {
        let header = Schema([Field("replacesAll", .bool), Field("watermark", .timestamp, nullable: true),
                             Field("maximumEventTime", .int64, nullable: true), Field("rowsEmitted", .int64)])
        let row: [Value] = [.bool(replacesAll), watermark.map { .timestamp($0.microseconds) } ?? .null,
                            maximumEventTime.map { .int64($0) } ?? .null, .int64(Int64(rowsEmitted))]
        let empty = RecordBatch.empty(Schema([]))
        return [(try? RecordBatch(schema: header, rows: [row])) ?? empty, upserts ?? empty, removals ?? empty]
    }
}
