import SluiceCore

/// A streaming plan cut into the three parts a micro-batch runs: the stateless operators over the new
/// rows, at most one stateful operator (an aggregation or a deduplication), and what follows it.
struct IncrementalPlan: Sendable {
    /// The plan below the stateful operator, whose stream source is replaced by each micro-batch's rows.
    let stateless: LogicalPlan
    let stateful: Stateful?
    /// The operators above the stateful one (sort and limit in complete mode), outermost first.
    private let above: [LogicalPlan]
    /// The watermark: its column and delay, if the query declares one.
    let watermark: (column: String, delay: Duration)?
    let source: SourceRelation

    enum Stateful: Sendable {
        case aggregate(keys: [Expression], aggregates: [Expression])
        case deduplicate(columns: [String])
    }

    init(_ plan: LogicalPlan) throws(AnalysisError) {
        var above: [LogicalPlan] = []
        var node = plan
        while true {
            if case .sort(let child, _) = node { above.append(node); node = child; continue }
            if case .limit(let child, _) = node { above.append(node); node = child; continue }
            break
        }
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
        self.above = above
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

    /// `input` wrapped in the operators above the stateful one.
    func applyingAbove(to input: LogicalPlan) -> LogicalPlan {
        above.reversed().reduce(input) { inner, wrapper in
            switch wrapper {
            case .sort(_, let keys): .sort(inner, keys)
            case .limit(_, let count): .limit(inner, count)
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
