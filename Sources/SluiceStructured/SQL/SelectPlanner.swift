import SluiceCore

/// Turns a parsed `SELECT` into the plan the DataFrame API builds for the same query:
///
/// - `FROM` the plan of the named view or memory table (`Session.relation(named:)`), or of the subquery;
/// - `WHERE` a filter;
/// - with `GROUP BY`, `HAVING` or an aggregate in the select list: one aggregate node (`AggregateScope`),
///   and `HAVING` a filter over its output;
/// - the select list a projection, left out when it would repeat its input's columns in order (so
///   `SELECT k, COUNT(*) … GROUP BY k` is the bare aggregate node, as `groupBy(k).agg(count)`);
/// - `ORDER BY` a sort over the output; a key that is not an output column is computed as an extra
///   column, sorted on, and projected away;
/// - `LIMIT` a limit on top.
///
/// `GROUP BY` takes select-list positions (`GROUP BY 1`) and aliases that are not input columns;
/// `HAVING` and `ORDER BY` take aliases first, and `ORDER BY` positions too.
struct SelectPlanner {
    let session: Session

    func plan(_ statement: SelectStatement) throws(AnalysisError) -> LogicalPlan {
        var input = try source(statement.source)
        if let condition = statement.condition {
            if let aggregate = firstAggregate(in: condition) {
                throw AnalysisError("aggregate functions are not allowed in WHERE: '\(aggregate)'; filter on aggregates with HAVING")
            }
            input = .filter(input, condition)
        }
        let inputSchema = try Analyzer.schema(of: input)
        let items = statement.items.flatMap { item -> [Expression] in
            switch item {
            case .allColumns: inputSchema.fields.map { .column($0.name) }
            case .expression(let expression): [expression]
            }
        }
        let isGrouped = !statement.groupBy.isEmpty || statement.having != nil || items.contains(where: \.containsAggregate)
        return isGrouped
            ? try groupedPlan(statement, items: items, input: input, inputSchema: inputSchema)
            : try ungroupedPlan(statement, items: items, input: input)
    }

    private func source(_ source: SelectStatement.Source) throws(AnalysisError) -> LogicalPlan {
        switch source {
        case .subquery(let statement):
            return try plan(statement)
        case .table(let name, let position):
            do {
                return try session.relation(named: name)
            } catch {
                throw AnalysisError("\(position): \(error.message)")
            }
        }
    }

    private func ungroupedPlan(_ statement: SelectStatement, items: [Expression], input: LogicalPlan) throws(AnalysisError) -> LogicalPlan {
        for item in items { try rejectWindows(in: item, clause: "the select list") }
        let selected = items.map { SelectedItem(source: $0.unaliased, columns: [OutputColumn(expression: $0, name: $0.name)]) }
        return try projectSortAndLimit(statement, selected: selected, over: input) { key throws(AnalysisError) in
            let expression = substitutingAliases(in: key, items: items)
            if let aggregate = firstAggregate(in: expression) {
                throw AnalysisError("'\(aggregate)' in ORDER BY needs a grouped query: add GROUP BY, or an aggregate to the select list")
            }
            try rejectWindows(in: expression, clause: "ORDER BY")
            return [expression]
        }
    }

    private func groupedPlan(_ statement: SelectStatement, items: [Expression], input: LogicalPlan,
                             inputSchema: Schema) throws(AnalysisError) -> LogicalPlan {
        var groupBy: [Expression] = []
        for key in statement.groupBy { groupBy.append(try groupingKey(key, items: items, input: inputSchema)) }
        var scope = try AggregateScope(groupBy: groupBy, items: items, input: inputSchema)
        let having = statement.having.map { substitutingAliases(in: $0, items: items) }
        if let having { scope.collectAggregates(in: having) }
        for key in statement.orderBy { scope.collectAggregates(in: substitutingAliases(in: key.expression, items: items)) }
        var aggregated = scope.plan(over: input)
        if let having { aggregated = .filter(aggregated, try scope.resolve(having, in: "HAVING")) }
        var selected: [SelectedItem] = []
        for item in items {
            if let columns = scope.keyColumns(of: item.unaliased) {
                let names = columns.count == 1 ? [item.name] : [item.name + ".start", item.name + ".end"]
                selected.append(SelectedItem(source: item.unaliased, columns: zip(columns, names).map { column, name in
                    OutputColumn(expression: column == name ? .column(column) : .alias(.column(column), name), name: name)
                }))
            } else {
                let resolved = try scope.resolve(item.unaliased, in: "the select list")
                let expression = resolved.name == item.name ? resolved : .alias(resolved, item.name)
                selected.append(SelectedItem(source: item.unaliased, columns: [OutputColumn(expression: expression, name: item.name)]))
            }
        }
        return try projectSortAndLimit(statement, selected: selected, over: aggregated) { key throws(AnalysisError) in
            let expression = substitutingAliases(in: key, items: items)
            if let columns = scope.keyColumns(of: expression) { return columns.map { .column($0) } }
            return [try scope.resolve(expression, in: "ORDER BY")]
        }
    }

    /// A `GROUP BY` entry as an expression over the input: a position in the select list, an alias
    /// of the select list that is not an input column, or an expression.
    private func groupingKey(_ key: Expression, items: [Expression], input: Schema) throws(AnalysisError) -> Expression {
        var resolved = key
        if case .literal(.int64(let position)) = key {
            guard position >= 1, position <= items.count else {
                throw AnalysisError("GROUP BY position \(position) is not in the select list, whose items are numbered 1 to \(items.count)")
            }
            resolved = items[Int(position) - 1].unaliased
        } else if case .column(let name) = key, input.index(of: name) == nil, let item = items.first(where: { $0.isAlias(name) }) {
            resolved = item.unaliased
        }
        if let aggregate = firstAggregate(in: resolved) {
            throw AnalysisError("aggregate functions are not allowed in GROUP BY: '\(aggregate)'")
        }
        return resolved
    }

    /// The projection, sort and limit over `input`; `resolveExtra` turns an `ORDER BY` expression that
    /// is not an output column into the expressions over `input` to sort on (two for a window key).
    private func projectSortAndLimit(_ statement: SelectStatement, selected: [SelectedItem], over input: LogicalPlan,
                                     resolveExtra: (Expression) throws(AnalysisError) -> [Expression]) throws(AnalysisError) -> LogicalPlan {
        let outputs = selected.flatMap(\.columns)
        var projection = outputs.map(\.expression)
        var sortKeys: [SortKey] = []
        for key in statement.orderBy {
            if let columns = try outputColumns(for: key.expression, selected: selected) {
                sortKeys += columns.map { SortKey(.column($0), ascending: key.ascending) }
            } else {
                for extra in try resolveExtra(key.expression) {
                    let name = "__order_by_\(projection.count - outputs.count + 1)"
                    projection.append(.alias(extra, name))
                    sortKeys.append(SortKey(.column(name), ascending: key.ascending))
                }
            }
        }
        let inputColumns = try Analyzer.schema(of: input).fields.map { Expression.column($0.name) }
        var plan = projection == inputColumns ? input : .project(input, projection)
        if !sortKeys.isEmpty { plan = .sort(plan, sortKeys) }
        if projection.count > outputs.count { plan = .project(plan, outputs.map { .column($0.name) }) }
        if let limit = statement.limit { plan = .limit(plan, limit) }
        return plan
    }

    /// The output columns an `ORDER BY` key names: by position, by output name, or by being a select
    /// item's expression; nil when it is none of these.
    private func outputColumns(for key: Expression, selected: [SelectedItem]) throws(AnalysisError) -> [String]? {
        if case .literal(.int64(let position)) = key {
            guard position >= 1, position <= selected.count else {
                throw AnalysisError("ORDER BY position \(position) is not in the select list, whose items are numbered 1 to \(selected.count)")
            }
            return selected[Int(position) - 1].columns.map(\.name)
        }
        if case .column(let name) = key, selected.contains(where: { $0.columns.contains { $0.name == name } }) { return [name] }
        return selected.first { $0.source == key }?.columns.map(\.name)
    }

    /// `expression` with each column that names a select-list alias replaced by the aliased expression.
    private func substitutingAliases(in expression: Expression, items: [Expression]) -> Expression {
        expression.replacing { part in
            guard case .column(let name) = part, let item = items.first(where: { $0.isAlias(name) }) else { return nil }
            return item.unaliased
        }
    }

    private func firstAggregate(in expression: Expression) -> Expression? {
        var found: Expression?
        _ = expression.contains { part in
            if case .aggregate = part, found == nil { found = part }
            return found != nil
        }
        return found
    }

    private func rejectWindows(in expression: Expression, clause: String) throws(AnalysisError) {
        let isWindow = { (part: Expression) in
            switch part {
            case .window, .sessionWindow: true
            default: false
            }
        }
        if expression.contains(where: isWindow) {
            throw AnalysisError("a time window in \(clause) needs GROUP BY: group by the window and select it, e.g. SELECT WINDOW(time, '1 hour'), COUNT(*) … GROUP BY WINDOW(time, '1 hour')")
        }
    }
}

/// A select item as the output columns it becomes (two for a window), with the expression it was
/// written as, which `ORDER BY` may repeat.
struct SelectedItem {
    let source: Expression
    let columns: [OutputColumn]
}

/// One output column: its expression over the projection's input, and its name.
struct OutputColumn {
    let expression: Expression
    let name: String
}

extension Expression {
    /// Whether this is `… AS name`.
    func isAlias(_ name: String) -> Bool {
        if case .alias(_, name) = self { return true }
        return false
    }
}
