import SluiceCore

/// Spark's rules for what a streaming query may do in each output mode, checked when the query starts.
///
/// Each error names the rule (in Spark's words) and says why it exists.
enum UnsupportedOperationChecker {
    static func check(_ plan: LogicalPlan, mode: OutputMode) throws(AnalysisError) {
        guard plan.isStreaming else { return }
        let aggregations = plan.nodes.filter { if case .aggregate = $0 { true } else { false } }
        guard aggregations.count <= 1 else {
            throw AnalysisError("Multiple streaming aggregations are not supported with streaming DataFrames/Datasets: the state of the first cannot be retracted from the second")
        }
        let aggregation = aggregations.first
        switch mode {
        case .append:
            if let aggregation, !hasWatermarkOnGroupingKey(aggregation, in: plan) {
                throw AnalysisError("Append output mode not supported when there are streaming aggregations on streaming DataFrames/DataSets without watermark: without a watermark on a grouping key no group ever closes, so no row could be appended")
            }
        case .complete:
            guard aggregation != nil else {
                throw AnalysisError("Complete output mode not supported when there are no streaming aggregations on streaming DataFrames/Datasets: it would have to keep and rewrite every input row")
            }
        case .update:
            break
        }
        for node in plan.nodes {
            switch node {
            case .sort(let child, _):
                guard mode == .complete, child.containsAggregate else {
                    throw AnalysisError("Sorting is not supported on streaming DataFrames/Datasets, unless it is on aggregated DataFrame/Dataset in Complete output mode: only then is the whole result there to sort")
                }
            case .limit:
                guard mode != .update else {
                    throw AnalysisError("Limits are not supported on streaming DataFrames/Datasets in Update output mode: which rows are in the limit changes as rows update")
                }
            case .join(_, let right, _, _):
                guard !right.isStreaming else {
                    throw AnalysisError("Stream-stream joins are not supported: join a stream with a static DataFrame (the stream on the left)")
                }
            case .deduplicate(let child, _):
                guard !child.containsAggregate else {
                    throw AnalysisError("dropDuplicates after a streaming aggregation is not supported: deduplicate the input instead")
                }
            default:
                break
            }
        }
    }

    /// Whether the aggregation groups by the watermarked column, or by a window over it.
    private static func hasWatermarkOnGroupingKey(_ aggregation: LogicalPlan, in plan: LogicalPlan) -> Bool {
        guard case .aggregate(_, let keys, _) = aggregation else { return false }
        let watermarked = Set(plan.nodes.compactMap { node -> String? in
            if case .watermark(_, let column, _) = node { return column }
            return nil
        })
        return keys.contains { key in
            switch key.unaliased {
            case .column(let name): watermarked.contains(name)
            case .window(.column(let name), _, _, _), .sessionWindow(.column(let name), _): watermarked.contains(name)
            default: false
            }
        }
    }
}

extension LogicalPlan {
    /// This node and every node below it, top first.
    var nodes: [LogicalPlan] {
        switch self {
        case .source: [self]
        case .project(let child, _), .filter(let child, _), .aggregate(let child, _, _), .watermark(let child, _, _),
             .deduplicate(let child, _), .sort(let child, _), .limit(let child, _):
            [self] + child.nodes
        case .join(let left, let right, _, _):
            [self] + left.nodes + right.nodes
        }
    }

    /// Whether an aggregation is at or below this node.
    var containsAggregate: Bool {
        nodes.contains { if case .aggregate = $0 { true } else { false } }
    }
}
