import SluiceCore

/// Open sessions as rows — the other keys `k0, k1, …`, `start`, `end`, then each aggregate's count,
/// sum and extreme — so that a checkpoint can store them and a restart rebuild them.
extension SessionAggregation {
    /// Every open session, keys in order of first appearance, sessions by start.
    func stateRows() -> RecordBatch {
        var rows: [[Value]] = []
        for key in keyOrder {
            for session in sessions[key] ?? [] {
                rows.append(key + [.int64(session.start), .int64(session.end)] + session.states.flatMap { [.int64($0.count), $0.sum, $0.extreme] })
            }
        }
        let width = keys.count - 1 + 2 + 3 * aggregates.count
        var names = (0 ..< keys.count - 1).map { "k\($0)" } + ["start", "end"]
        for position in aggregates.indices { names += ["a\(position).count", "a\(position).sum", "a\(position).extreme"] }
        let columns = (0 ..< width).map { column in GroupKeyTable.column(of: rows.map { $0[column] }) }
        let fields = zip(names, columns).map { Field($0, $1.dataType, nullable: true) }
        return (try? RecordBatch(schema: Schema(fields), columns: columns)) ?? .empty(Schema(fields))
    }

    /// Replaces the open sessions with the rows made by `stateRows`.
    mutating func restore(_ rows: RecordBatch) {
        sessions = [:]
        keyOrder = []
        let keyCount = keys.count - 1
        for row in 0 ..< rows.rowCount {
            let values = rows.columns.map { $0.value(at: row) }
            let key = Array(values[..<keyCount])
            guard case .int64(let start) = values[keyCount], case .int64(let end) = values[keyCount + 1] else { continue }
            let states = aggregates.indices.map { position in
                let base = keyCount + 2 + 3 * position
                var state = AggregateState(function: aggregates[position].function, value: .null)
                if case .int64(let count) = values[base] { state.count = count }
                state.sum = values[base + 1]
                state.extreme = values[base + 2]
                return state
            }
            if sessions[key] == nil { keyOrder.append(key) }
            sessions[key, default: []].append(Session(start: start, end: end, states: states))
        }
    }
}
