import SluiceCore

/// `groupBy(keys).agg(aggregates)` over any number of batches: the state a streaming aggregation keeps
/// between micro-batches, and the whole computation of a batch one.
///
/// A `window(time, length, slide)` key sends each row to every window containing its time, so a row
/// may count in several groups; the window appears in the output as its start and end.
struct HashAggregation: Sendable {
    let keys: [Expression]
    let aggregates: [(function: AggregateFunction, argument: Expression?)]
    let outputSchema: Schema
    var table: GroupKeyTable
    var accumulators: [Accumulator]

    init(keys: [Expression], aggregates: [Expression], input: Schema) throws(AnalysisError) {
        self.keys = keys
        let parsed = try AggregateCall.parse(aggregates)
        self.aggregates = parsed
        self.outputSchema = try Analyzer.schema(of: .aggregate(.source(SourceRelation(name: "input", schema: input, content: .table([]))),
                                                               keys: keys, aggregates: aggregates))
        var keyFieldCount = 0
        for key in keys { keyFieldCount += try Analyzer.fields(of: key, in: input).count }
        self.table = GroupKeyTable(keyCount: keys.count)
        self.accumulators = outputSchema.fields[keyFieldCount...].enumerated().map { index, field in
            Accumulator(parsed[index].function, resultType: field.type)
        }
    }

    /// Adds the rows of `batch`; returns the group numbers it touched, in order of first touch.
    @discardableResult
    mutating func add(_ batch: RecordBatch) throws(AnalysisError) -> [Int] {
        let expansion = try WindowExpansion(keys: keys, batch: batch)
        var keyColumns: [ColumnVector] = []
        for key in keys {
            if let starts = expansion.windowStarts(for: key) {
                keyColumns.append(.timestamp(starts))
            } else {
                keyColumns.append(expansion.gather(try ExpressionEvaluator.evaluate(key.unaliased, on: batch)))
            }
        }
        let groups = table.groups(for: keyColumns, rowCount: expansion.rowCount)
        for (index, aggregate) in aggregates.enumerated() {
            var values: ColumnVector?
            if let argument = aggregate.argument { values = expansion.gather(try ExpressionEvaluator.evaluate(argument, on: batch)) }
            accumulators[index].add(values, groups: groups, groupCount: table.count)
        }
        var touched: [Int] = []
        var isTouched = [Bool](repeating: false, count: table.count)
        for group in groups where !isTouched[Int(group)] {
            isTouched[Int(group)] = true
            touched.append(Int(group))
        }
        return touched
    }

    /// The aggregation holding only `groups` (renumbered 0, 1, … in that order): how evicted groups'
    /// memory is given back.
    func retaining(_ groups: [Int]) -> HashAggregation {
        var copy = self
        copy.table = table.retaining(groups)
        copy.accumulators = accumulators.map { $0.retaining(groups) }
        return copy
    }

    /// One row per group (all groups, or the listed ones in that order): key values, then aggregates.
    func result(groups: [Int]? = nil) -> RecordBatch {
        var builder = RecordBatchBuilder(schema: outputSchema)
        for group in groups ?? Array(0 ..< table.count) {
            var row: [Value] = []
            for (position, key) in keys.enumerated() {
                let value = table.key(of: group)[position]
                if case .window(_, let length, _, _) = key.unaliased, case .timestamp(let start) = value {
                    row += [value, .timestamp(start + length.microseconds)]
                } else {
                    row.append(value)
                }
            }
            row += accumulators.map { $0.result(of: group) }
            try? builder.append(row: row)
        }
        return builder.finish()
    }
}

/// An aggregate of a `groupBy(…).agg(…)` list: its function and argument (none for `count(*)`).
enum AggregateCall {
    /// The calls of `aggregates`, each of which must be one aggregate, optionally aliased.
    static func parse(_ aggregates: [Expression]) throws(AnalysisError) -> [(function: AggregateFunction, argument: Expression?)] {
        var calls: [(function: AggregateFunction, argument: Expression?)] = []
        for aggregate in aggregates {
            guard case .aggregate(let function, let argument) = aggregate.unaliased else {
                throw AnalysisError("'\(aggregate)' must be a single aggregate (count, sum, avg, min, max), optionally with an alias")
            }
            calls.append((function, argument))
        }
        return calls
    }
}
