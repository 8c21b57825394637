import SluiceCore

/// `groupBy(keys…, session_window(time, gap)).agg(…)`: per key, events less than `gap` apart form one
/// session `[first event, last event + gap)`; a new event may extend a session or merge two.
///
/// State is kept per key as sessions sorted by start, each with mergeable aggregate states, so a late
/// event that bridges two sessions merges them exactly as the batch query over all events would.
struct SessionAggregation: Sendable {
    let keys: [Expression]
    let outputSchema: Schema
    private let sessionPosition: Int
    private let time: Expression
    private let gap: Int64
    let aggregates: [(function: AggregateFunction, argument: Expression?)]
    var sessions: [[Value]: [Session]] = [:]
    /// Keys in order of first appearance, so output order is stable.
    var keyOrder: [[Value]] = []

    struct Session: Sendable, Equatable {
        var start: Int64
        var end: Int64
        var states: [AggregateState]
    }

    /// The identity of one session: its key values and start.
    struct SessionID: Hashable, Sendable {
        let key: [Value]
        let start: Int64
    }

    init(keys: [Expression], aggregates: [Expression], input: Schema) throws(AnalysisError) {
        guard let position = keys.firstIndex(where: { if case .sessionWindow = $0.unaliased { true } else { false } }),
              case .sessionWindow(let time, let gap) = keys[position].unaliased else {
            throw AnalysisError("a session aggregation needs a session_window key")
        }
        self.keys = keys
        self.sessionPosition = position
        self.time = time
        self.gap = gap.microseconds
        self.aggregates = try AggregateCall.parse(aggregates)
        self.outputSchema = try Analyzer.schema(of: .aggregate(.source(SourceRelation(name: "input", schema: input, content: .table([]))),
                                                               keys: keys, aggregates: aggregates))
    }

    var sessionCount: Int { sessions.values.reduce(0) { $0 + $1.count } }

    /// Adds the rows of `batch`; returns the sessions they created or changed.
    mutating func add(_ batch: RecordBatch) throws(AnalysisError) -> Set<SessionID> {
        var keyColumns: [ColumnVector] = []
        for (position, key) in keys.enumerated() where position != sessionPosition {
            keyColumns.append(try ExpressionEvaluator.evaluate(key.unaliased, on: batch))
        }
        guard case .timestamp(let times) = try ExpressionEvaluator.evaluate(time, on: batch) else {
            throw .typeMismatch(time, "session_window needs a timestamp column")
        }
        var arguments: [ColumnVector?] = []
        for aggregate in aggregates { arguments.append(try aggregate.argument.map { argument throws(AnalysisError) in try ExpressionEvaluator.evaluate(argument, on: batch) }) }
        var touched = Set<SessionID>()
        for row in 0 ..< batch.rowCount where !times.isNull(row) {
            let key = keyColumns.map { $0.value(at: row) }
            let states = aggregates.indices.map { AggregateState(function: aggregates[$0].function, value: arguments[$0].map { $0.value(at: row) }) }
            let start = times.values[row]
            let merged = insert(Session(start: start, end: start + gap, states: states), for: key)
            touched = touched.filter { !($0.key == key && merged.absorbed.contains($0.start)) }
            touched.insert(SessionID(key: key, start: merged.start))
        }
        return touched
    }

    /// Inserts a one-event session, merging every session it overlaps; returns the merged session's start
    /// and the starts of the sessions it absorbed.
    private mutating func insert(_ event: Session, for key: [Value]) -> (start: Int64, absorbed: [Int64]) {
        if sessions[key] == nil { keyOrder.append(key) }
        var list = sessions[key] ?? []
        var merged = event
        var absorbed: [Int64] = []
        while let index = list.firstIndex(where: { $0.start < merged.end && merged.start < $0.end }) {
            let session = list.remove(at: index)
            absorbed.append(session.start)
            merged.start = Swift.min(merged.start, session.start)
            merged.end = Swift.max(merged.end, session.end)
            merged.states = zip(merged.states, session.states).map { $0.merged(with: $1) }
        }
        let position = list.firstIndex { $0.start > merged.start } ?? list.count
        list.insert(merged, at: position)
        sessions[key] = list
        return (merged.start, absorbed.filter { $0 != merged.start })
    }

    /// The sessions that end at or before `watermark`: closed, no event can reach them any more.
    func expired(by watermark: Int64) -> Set<SessionID> {
        var expired = Set<SessionID>()
        for (key, list) in sessions {
            for session in list where session.end <= watermark { expired.insert(SessionID(key: key, start: session.start)) }
        }
        return expired
    }

    /// Drops the listed sessions from the state.
    mutating func remove(_ ids: Set<SessionID>) {
        guard !ids.isEmpty else { return }
        for key in keyOrder {
            sessions[key]?.removeAll { ids.contains(SessionID(key: key, start: $0.start)) }
        }
        keyOrder.removeAll { sessions[$0]?.isEmpty ?? true }
        sessions = sessions.filter { !$0.value.isEmpty }
    }

    /// The rows of the listed sessions (all when nil), keys in order of first appearance, sessions by start.
    func result(_ only: Set<SessionID>? = nil) -> RecordBatch {
        var builder = RecordBatchBuilder(schema: outputSchema)
        for key in keyOrder {
            for session in sessions[key] ?? [] where only?.contains(SessionID(key: key, start: session.start)) ?? true {
                var row = key
                row.insert(contentsOf: [.timestamp(session.start), .timestamp(session.end)], at: sessionPosition)
                row += session.states.map(\.result)
                try? builder.append(row: row)
            }
        }
        return builder.finish()
    }
}

/// A mergeable aggregate: what count, sum, avg, min and max need to combine two partial results.
struct AggregateState: Sendable, Equatable {
    let function: AggregateFunction
    var count: Int64 = 0
    var sum: Value = .null
    var extreme: Value = .null

    init(function: AggregateFunction, value: Value?) {
        self.function = function
        guard let value else {
            count = 1
            return
        }
        guard !value.isNull else { return }
        count = 1
        sum = value
        extreme = value
    }

    func merged(with other: AggregateState) -> AggregateState {
        var merged = self
        merged.count += other.count
        merged.sum = switch (sum, other.sum) {
        case (.null, let x), (let x, .null): x
        case (.int64(let a), .int64(let b)): .int64(a &+ b)
        case (.double(let a), .double(let b)): .double(a + b)
        default: sum
        }
        if !other.extreme.isNull && (extreme.isNull || (function == .min ? other.extreme < extreme : extreme < other.extreme)) {
            merged.extreme = other.extreme
        }
        return merged
    }

    var result: Value {
        switch function {
        case .count: .int64(count)
        case .sum: sum
        case .avg:
            switch sum {
            case .int64(let total): .double(Double(total) / Double(count))
            case .double(let total): .double(total / Double(count))
            default: .null
            }
        case .min, .max: extreme
        }
    }
}
