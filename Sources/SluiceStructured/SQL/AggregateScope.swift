import SluiceCore

/// The aggregate node of a grouped query, and how the clauses above it (select list, `HAVING`,
/// `ORDER BY`) read its output: a part equal to a `GROUP BY` expression reads that key's column, an
/// aggregate reads its own column, and any other column of the input is an error, as in Spark.
///
/// Aggregates are collected from all those clauses into the one node, each once: a select item that
/// is an aggregate gives it the item's name, others keep their natural name (`count(1)`, `sum(x)`).
/// A key takes the alias of the first select item equal to it, so that the node's output already
/// carries the names the select list asks for.
struct AggregateScope {
    private(set) var keys: [Expression] = []
    /// The output columns of each key: two for a time window (`.start`, `.end`).
    private var keyColumns: [[String]] = []
    private(set) var aggregates: [Expression] = []
    private var aggregateColumns: [Expression: String] = [:]
    private var usedNames: Set<String> = []

    /// The scope of `groupBy` over `input`, with the (alias-resolved) select items.
    init(groupBy: [Expression], items: [Expression], input: Schema) throws(AnalysisError) {
        for key in groupBy where !keys.contains(where: { $0.unaliased == key }) {
            if key.contains(where: { if case .explodeSplit = $0 { true } else { false } }) {
                throw AnalysisError("EXPLODE cannot be grouped on directly; explode in a subquery, e.g. SELECT word, COUNT(*) FROM (SELECT EXPLODE(SPLIT(value, ' ')) AS word FROM lines) GROUP BY word")
            }
            var named = key
            if case .alias(_, let name)? = items.first(where: { $0.unaliased == key }) { named = .alias(key, name) }
            let columns = try Analyzer.fields(of: named, in: input).map(\.name)
            keys.append(named)
            keyColumns.append(columns)
            usedNames.formUnion(columns)
        }
        for item in items {
            if case .aggregate = item.unaliased {
                register(item.unaliased, name: item.name, isChosen: true)
            } else {
                collectAggregates(in: item)
            }
        }
    }

    /// Adds the aggregates inside `expression` that are not collected yet, under their natural names.
    mutating func collectAggregates(in expression: Expression) {
        if case .aggregate = expression {
            register(expression, name: expression.name, isChosen: false)
        } else {
            for child in expression.children { collectAggregates(in: child) }
        }
    }

    /// Gives `aggregate` a column: `name` as is when the select list chose it (a clash is then the
    /// analyzer's duplicate-column error), else `name` with a suffix if it is taken.
    private mutating func register(_ aggregate: Expression, name: String, isChosen: Bool) {
        guard aggregateColumns[aggregate] == nil else { return }
        var column = name
        var suffix = 1
        while !isChosen && usedNames.contains(column) {
            suffix += 1
            column = "\(name)_\(suffix)"
        }
        usedNames.insert(column)
        aggregateColumns[aggregate] = column
        aggregates.append(column == aggregate.name ? aggregate : .alias(aggregate, column))
    }

    /// The aggregate node over `input`.
    func plan(over input: LogicalPlan) -> LogicalPlan { .aggregate(input, keys: keys, aggregates: aggregates) }

    /// The columns of the node's output that the select item `item` (without its alias) stands for,
    /// when it is a whole `GROUP BY` expression.
    func keyColumns(of item: Expression) -> [String]? {
        keys.firstIndex { $0.unaliased == item }.map { keyColumns[$0] }
    }

    /// `expression` over the node's output; `clause` names where it is written, for errors.
    func resolve(_ expression: Expression, in clause: String) throws(AnalysisError) -> Expression {
        let keyNames = Set(keyColumns.joined())
        return try expression.replacing { part throws(AnalysisError) -> Expression? in
            if let columns = keyColumns(of: part) {
                guard columns.count == 1 else {
                    throw AnalysisError("'\(part)' in \(clause) is a window, which is two columns; select it on its own, or use \(columns.map { "`\($0)`" }.joined(separator: " and "))")
                }
                return .column(columns[0])
            }
            if case .aggregate = part {
                guard let column = aggregateColumns[part] else { throw AnalysisError("'\(part)' in \(clause) is an aggregate the query does not compute") }
                return .column(column)
            }
            if case .column(let name) = part {
                guard keyNames.contains(name) else {
                    throw AnalysisError("'\(name)' in \(clause) is neither a GROUP BY expression nor inside an aggregate function; add it to GROUP BY or aggregate it, e.g. max(\(name))")
                }
                return part
            }
            return nil
        }
    }
}
