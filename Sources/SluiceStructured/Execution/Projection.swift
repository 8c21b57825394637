import SluiceCore

/// `select`: each expression evaluated over the batch; an `explode(split(…))` repeats the row once per part.
enum Projection {
    static func apply(_ expressions: [Expression], to batch: RecordBatch, schema: Schema) throws(AnalysisError) -> RecordBatch {
        var explodedRows: ContiguousArray<Int32>?
        var parts: StringColumnBuilder?
        if let explode = expressions.first(where: { if case .explodeSplit = $0.unaliased { true } else { false } }),
           case .explodeSplit(let operand, let separator) = explode.unaliased {
            guard case .string(let strings) = try ExpressionEvaluator.evaluate(operand, on: batch) else {
                throw .typeMismatch(explode, "split needs a string column")
            }
            var rows = ContiguousArray<Int32>()
            var builder = StringColumnBuilder(deduplicating: true)
            let pieces = strings.dictionary.strings.map { $0.split(separator: separator, omittingEmptySubsequences: false).map(String.init) }
            for row in 0 ..< strings.count where !strings.isNull(row) {
                for piece in pieces[Int(strings.codes[row])] {
                    rows.append(Int32(row))
                    builder.append(piece)
                }
            }
            explodedRows = rows
            parts = builder
        }
        var columns: [ColumnVector] = []
        for expression in expressions {
            if case .explodeSplit = expression.unaliased, let parts {
                columns.append(.string(parts.finish()))
                continue
            }
            let column = try ExpressionEvaluator.evaluate(expression, on: batch)
            columns.append(explodedRows.map { column.gather(SelectionVector(ColumnBuffer($0))) } ?? column)
        }
        do {
            return try RecordBatch(schema: schema, columns: columns)
        } catch {
            throw AnalysisError("select produced columns that do not fit \(schema): \(error)")
        }
    }
}

/// `filter`: the rows whose condition is true (null counts as false); a batch whose rows all pass is
/// returned as it is, without copying.
enum Selection {
    static func apply(_ predicate: Expression, to batch: RecordBatch) throws(AnalysisError) -> RecordBatch {
        guard case .bool(let condition) = try ExpressionEvaluator.evaluate(predicate, on: batch) else {
            throw .typeMismatch(predicate, "a filter needs a boolean condition")
        }
        let selected = condition.selectTrue()
        return selected.count == batch.rowCount ? batch : batch.gather(selected)
    }
}
