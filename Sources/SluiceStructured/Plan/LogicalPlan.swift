import SluiceCore

/// What a DataFrame computes, before it is planned for a batch or a stream.
public indirect enum LogicalPlan: Sendable {
    /// A named input: a static table or a stream.
    case source(SourceRelation)
    /// Each row mapped to the listed expressions (which may include one `explode`).
    case project(LogicalPlan, [Expression])
    /// The rows for which the predicate holds.
    case filter(LogicalPlan, Expression)
    /// One row per distinct value of the keys, with the aggregates of its rows.
    case aggregate(LogicalPlan, keys: [Expression], aggregates: [Expression])
    /// Declares how late events on `column` may arrive; later ones are dropped by stateful operators.
    case watermark(LogicalPlan, column: String, delay: Duration)
    /// Each distinct combination of `columns` once (the first row seen).
    case deduplicate(LogicalPlan, columns: [String])
    /// The rows of the left plan matched with rows of the right one on equal `columns` (an equi-join
    /// "using" columns, as `df.join(other, "id")`): the join columns once, then the left's other
    /// columns, then the right's.
    case join(LogicalPlan, LogicalPlan, columns: [String], kind: JoinKind)
    /// Rows sorted by the keys.
    case sort(LogicalPlan, [SortKey])
    /// The first rows only.
    case limit(LogicalPlan, Int)

    /// Whether the plan reads a stream.
    public var isStreaming: Bool {
        switch self {
        case .source(let relation): relation.isStreaming
        case .project(let child, _), .filter(let child, _), .aggregate(let child, _, _), .watermark(let child, _, _),
             .deduplicate(let child, _), .sort(let child, _), .limit(let child, _):
            child.isStreaming
        case .join(let left, let right, _, _):
            left.isStreaming || right.isStreaming
        }
    }
}

/// An input of a plan: a name, a schema, and either static batches or a stream.
public struct SourceRelation: Sendable {
    public let name: String
    public let schema: Schema
    public let content: Content

    public enum Content: Sendable {
        /// A table: all of its rows.
        case table([RecordBatch])
        /// A stream, read batch by batch by a query.
        case stream(@Sendable () -> any BatchInput)
    }

    public init(name: String, schema: Schema, content: Content) {
        self.name = name
        self.schema = schema
        self.content = content
    }

    public var isStreaming: Bool {
        if case .stream = content { return true }
        return false
    }
}

/// One sort key: an expression and a direction.
public struct SortKey: Sendable, Hashable {
    public let expression: Expression
    public let ascending: Bool

    public init(_ expression: Expression, ascending: Bool) {
        self.expression = expression
        self.ascending = ascending
    }
}

/// How unmatched rows of a join are treated.
public enum JoinKind: String, Sendable {
    /// Only matched rows.
    case inner
    /// Every left row; right columns are null where nothing matched.
    case leftOuter = "left_outer"
}
