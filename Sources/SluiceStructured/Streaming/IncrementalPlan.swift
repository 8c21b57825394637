import SluiceCore

/// A streaming plan cut into the three parts a micro-batch runs: the stateless operators over the new
/// rows, at most one stateful operator (an aggregation or a deduplication), and what follows it.
struct IncrementalPlan: Sendable {
    /// The plan below the stateful operator, whose stream source is replaced by each micro-batch's rows.
    let stateless: LogicalPlan
    let stateful: Stateful?
    /// The operators above the stateful one (projections, filters, and sort and limit in complete mode),
    /// outermost first: they run on the rows the stateful operator emits.
    private let above: [LogicalPlan]
    /// The watermark: its column and delay, if the query declares one.
    let watermark: (column: String, delay: Duration)?
    let source: SourceRelation

    enum Stateful: Sendable {
        case aggregate(keys: [Expression], aggregates: [Expression])
        case deduplicate(columns: [String])
    }

    init(_ plan: LogicalPlan) throws(AnalysisError) {
        let split = Self.operatorsAboveStatefulOperator(of: plan)
        var node = split.rest
        switch node {
        case .aggregate(let child, let keys, let aggregates):
            stateful = .aggregate(keys: keys, aggregates: aggregates)
            node = child
        case .deduplicate(let child, let columns):
            stateful = .deduplicate(columns: columns)
            node = child
        default:
            stateful = nil
        }
        self.above = split.above
        self.stateless = node
        self.watermark = node.nodes.lazy.compactMap { node -> (String, Duration)? in
            if case .watermark(_, let column, let delay) = node { return (column, delay) }
            return nil
        }.first
        guard let source = node.nodes.lazy.compactMap({ node -> SourceRelation? in
            if case .source(let relation) = node, relation.isStreaming { return relation }
            return nil
        }).first else { throw AnalysisError("a streaming query needs a stream source") }
        self.source = source
    }

    /// The operators above the stateful one, outermost first, and the plan from there down. Projections
    /// and filters count as above only when an aggregation or deduplication is reached through them
    /// (and sorts and limits); otherwise only the outer sorts and limits are set apart.
    private static func operatorsAboveStatefulOperator(of plan: LogicalPlan) -> (above: [LogicalPlan], rest: LogicalPlan) {
        var above: [LogicalPlan] = []
        var node = plan
        while true {
            switch node {
            case .sort(let child, _), .limit(let child, _), .project(let child, _), .filter(let child, _):
                above.append(node)
                node = child
            case .aggregate, .deduplicate:
                return (above, node)
            case .source, .watermark, .join:
                var outer: [LogicalPlan] = []
                var rest = plan
                while true {
                    if case .sort(let child, _) = rest { outer.append(rest); rest = child; continue }
                    if case .limit(let child, _) = rest { outer.append(rest); rest = child; continue }
                    return (outer, rest)
                }
            }
        }
    }

    /// `input` wrapped in the operators above the stateful one.
    func applyingAbove(to input: LogicalPlan) -> LogicalPlan {
        above.reversed().reduce(input) { inner, wrapper in
            switch wrapper {
            case .sort(_, let keys): .sort(inner, keys)
            case .limit(_, let count): .limit(inner, count)
            case .project(_, let expressions): .project(inner, expressions)
            case .filter(_, let predicate): .filter(inner, predicate)
            default: inner
            }
        }
    }

    /// The stateless part over `batches` of the source.
    func stateless(over batches: [RecordBatch]) -> LogicalPlan {
        stateless.replacingSource(with: SourceRelation(name: source.name, schema: source.schema, content: .table(batches)))
    }
}

extension LogicalPlan {
    /// The same plan reading `relation` instead of its source.
    func replacingSource(with relation: SourceRelation) -> LogicalPlan {
        switch self {
        case .source: .source(relation)
        case .project(let child, let expressions): .project(child.replacingSource(with: relation), expressions)
        case .filter(let child, let predicate): .filter(child.replacingSource(with: relation), predicate)
        case .aggregate(let child, let keys, let aggregates): .aggregate(child.replacingSource(with: relation), keys: keys, aggregates: aggregates)
        case .watermark(let child, let column, let delay): .watermark(child.replacingSource(with: relation), column: column, delay: delay)
        case .deduplicate(let child, let columns): .deduplicate(child.replacingSource(with: relation), columns: columns)
        case .join(let left, let right, let columns, let kind): .join(left.replacingSource(with: relation), right, columns: columns, kind: kind)
        case .sort(let child, let keys): .sort(child.replacingSource(with: relation), keys)
        case .limit(let child, let count): .limit(child.replacingSource(with: relation), count)
        }
    }
}
