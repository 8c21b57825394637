import SluiceCore

/// The parts of a streaming query that its checkpoint pins, as readable text: a restart whose parts
/// differ is refused with the part named, any other change is allowed.
///
/// Pinned, because the checkpoint's offsets or state would mean something else under the new query:
/// - `sources`: the stream source's name and schema (offsets belong to one source);
/// - `state`, for queries that keep state: everything from the source up to and including the
///   stateful operator — filters, projections and watermark below it, its keys and aggregates, and so
///   the state's schema. A filter added before an aggregation is therefore refused: the stored counts
///   include rows the new filter would drop, so the output would no longer be a query over a prefix;
/// - `outputMode`: what the sink's rows mean.
///
/// Free to change: operators above the stateful operator (projections, filters, sorting and limits of
/// the emitted rows), every operator of a query without state, the sink, the trigger and the name.
enum QueryFingerprint {
    /// The pinned parts of `plan` run in `mode`.
    static func parts(of plan: IncrementalPlan, mode: OutputMode, hasState: Bool) -> [String: String] {
        var parts = ["sources": describe(.source(plan.source)), "outputMode": "\(mode)"]
        if hasState {
            var state = describe(plan.stateless)
            switch plan.stateful {
            case .aggregate(let keys, let aggregates):
                state += " → aggregate(keys: [\(keys.map(\.description).joined(separator: ", "))], values: [\(aggregates.map(\.description).joined(separator: ", "))])"
            case .deduplicate(let columns):
                state += " → dropDuplicates(\(columns.joined(separator: ", ")))"
            case nil:
                break
            }
            if let limit = plan.limit { state += " → limit \(limit)" }
            parts["state"] = state
        }
        return parts
    }

    /// A plan as one line, innermost operator first.
    static func describe(_ plan: LogicalPlan) -> String {
        switch plan {
        case .source(let relation):
            "\(relation.name)(\(relation.schema.fields.map { "\($0.name): \($0.type)" }.joined(separator: ", ")))"
        case .project(let child, let expressions):
            "\(describe(child)) → select(\(expressions.map(\.description).joined(separator: ", ")))"
        case .filter(let child, let predicate):
            "\(describe(child)) → filter(\(predicate))"
        case .aggregate(let child, let keys, let aggregates):
            "\(describe(child)) → aggregate(keys: [\(keys.map(\.description).joined(separator: ", "))], values: [\(aggregates.map(\.description).joined(separator: ", "))])"
        case .watermark(let child, let column, let delay):
            "\(describe(child)) → withWatermark(\(column), \(delay))"
        case .deduplicate(let child, let columns):
            "\(describe(child)) → dropDuplicates(\(columns.joined(separator: ", ")))"
        case .join(let left, let right, let columns, let kind):
            "\(describe(left)) → join(\(describe(right)), on: \(columns.joined(separator: ", ")), \(kind))"
        case .sort(let child, let keys):
            "\(describe(child)) → orderBy(\(keys.map { "\($0)" }.joined(separator: ", ")))"
        case .limit(let child, let count):
            "\(describe(child)) → limit(\(count))"
        }
    }
}
