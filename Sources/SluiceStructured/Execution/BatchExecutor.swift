import SluiceCore

/// Runs a plan over static tables: the batch half of "one query, run as a batch or incrementally".
enum BatchExecutor {
    static func execute(_ plan: LogicalPlan) throws(AnalysisError) -> [RecordBatch] {
        switch plan {
        case .source(let relation):
            guard case .table(let batches) = relation.content else {
                throw AnalysisError("'\(relation.name)' is a stream: queries on it must be started with writeStream, not collected")
            }
            return batches
        case .project(let child, let expressions):
            let schema = try Analyzer.schema(of: plan)
            var output: [RecordBatch] = []
            for batch in try execute(child) { output.append(try Projection.apply(expressions, to: batch, schema: schema)) }
            return output
        case .filter(let child, let predicate):
            _ = try Analyzer.schema(of: plan)
            var output: [RecordBatch] = []
            for batch in try execute(child) { output.append(try Selection.apply(predicate, to: batch)) }
            return output
        case .aggregate(let child, let keys, let aggregates) where keys.contains(where: \.isSessionWindow):
            _ = try Analyzer.schema(of: plan)
            var aggregation = try SessionAggregation(keys: keys, aggregates: aggregates, input: try Analyzer.schema(of: child))
            for batch in try execute(child) { _ = try aggregation.add(batch) }
            return [aggregation.result()]
        case .aggregate(let child, let keys, let aggregates):
            _ = try Analyzer.schema(of: plan)
            var aggregation = try HashAggregation(keys: keys, aggregates: aggregates, input: try Analyzer.schema(of: child))
            let input = try execute(child)
            for batch in input.isEmpty ? [RecordBatch.empty(try Analyzer.schema(of: child))] : input { try aggregation.add(batch) }
            return [aggregation.result()]
        case .watermark(let child, _, _):
            _ = try Analyzer.schema(of: plan)
            return try execute(child)
        case .deduplicate(let child, let columns):
            _ = try Analyzer.schema(of: plan)
            var seen = GroupKeyTable(keyCount: columns.count)
            var output: [RecordBatch] = []
            for batch in try execute(child) {
                let keys = columns.compactMap { batch.column(named: $0) }
                let before = seen.count
                let groups = seen.groups(for: keys, rowCount: batch.rowCount)
                output.append(batch.gather(SelectionVector(GroupKeyTable.firstRowsOfNewGroups(groups, firstNew: before))))
            }
            return output
        case .join(let left, let right, let columns, let kind):
            let schema = try Analyzer.schema(of: plan)
            let rightRows = try execute(right)
            let rightBatch = rightRows.isEmpty ? RecordBatch.empty(try Analyzer.schema(of: right)) : try HashJoin.concatenate(rightRows)
            var join = HashJoin(right: rightBatch, columns: columns, kind: kind, schema: schema)
            var output: [RecordBatch] = []
            for batch in try execute(left) { output.append(try join.probe(batch)) }
            return output
        case .sort(let child, let keys):
            let schema = try Analyzer.schema(of: plan)
            return [try Sorting.sort(try execute(child), by: keys, schema: schema)]
        case .limit(let child, let count):
            _ = try Analyzer.schema(of: plan)
            var remaining = count
            var output: [RecordBatch] = []
            for batch in try execute(child) where remaining > 0 {
                output.append(batch.slice(rows: 0 ..< Swift.min(remaining, batch.rowCount)))
                remaining -= output.last!.rowCount
            }
            return output
        }
    }
}

/// `orderBy`: a stable sort of all rows by the keys (nulls first ascending, last descending, as Spark).
enum Sorting {
    static func sort(_ batches: [RecordBatch], by keys: [SortKey], schema: Schema) throws(AnalysisError) -> RecordBatch {
        var rows: [[Value]] = []
        var sortValues: [[Value]] = []
        for batch in batches {
            var keyColumns: [ColumnVector] = []
            for key in keys { keyColumns.append(try ExpressionEvaluator.evaluate(key.expression, on: batch)) }
            for row in 0 ..< batch.rowCount {
                rows.append(batch.row(row))
                sortValues.append(keyColumns.map { $0.value(at: row) })
            }
        }
        let order = rows.indices.sorted { lhs, rhs in
            for (position, key) in keys.enumerated() where sortValues[lhs][position] != sortValues[rhs][position] {
                let less = sortValues[lhs][position] < sortValues[rhs][position]
                return key.ascending ? less : !less
            }
            return lhs < rhs
        }
        do {
            return try RecordBatch(schema: schema, rows: order.map { rows[$0] })
        } catch {
            throw AnalysisError("orderBy: \(error)")
        }
    }
}
