/// A parsed `SELECT`, clause by clause, each expression already an `Expression` as the DataFrame API
/// builds it; `SelectPlanner` turns it into a `LogicalPlan`. Aliases are `Expression.alias` on items.
struct SelectStatement: Equatable, Sendable {
    /// One entry of the select list.
    enum Item: Equatable, Sendable {
        /// `*`: every column of the input, in order.
        case allColumns
        case expression(Expression)
    }

    /// What `FROM` names.
    indirect enum Source: Equatable, Sendable {
        /// A temporary view or memory table, with where its name is written.
        case table(String, at: SQLPosition)
        /// `(SELECT …)`.
        case subquery(SelectStatement)
    }

    var items: [Item]
    var source: Source
    /// `WHERE`.
    var condition: Expression?
    var groupBy: [Expression] = []
    var having: Expression?
    var orderBy: [SortKey] = []
    var limit: Int?
}
