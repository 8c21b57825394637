import SluiceCore

/// Works out the schema of a plan and the type of every expression in it, or says precisely why not.
public enum Analyzer {
    /// The output schema of `plan`.
    public static func schema(of plan: LogicalPlan) throws(AnalysisError) -> Schema {
        switch plan {
        case .source(let relation):
            return relation.schema
        case .project(let child, let expressions):
            let input = try schema(of: child)
            var output: [Field] = []
            for expression in expressions { output += try fields(of: expression, in: input) }
            return try uniqueSchema(output)
        case .filter(let child, let predicate):
            let input = try schema(of: child)
            let type = try field(of: predicate, in: input).type
            guard type == .bool else { throw .typeMismatch(predicate, "a filter needs a boolean condition, got \(type)") }
            return input
        case .aggregate(let child, let keys, let aggregates):
            let input = try schema(of: child)
            for aggregate in aggregates where !aggregate.containsAggregate {
                throw AnalysisError("'\(aggregate)' is neither an aggregate nor a grouping key; use it in groupBy or wrap it in an aggregate")
            }
            var output: [Field] = []
            for key in keys { output += try fields(of: key, in: input) }
            for aggregate in aggregates { output.append(try field(of: aggregate, in: input)) }
            return try uniqueSchema(output)
        case .watermark(let child, let column, _):
            let input = try schema(of: child)
            guard let index = input.index(of: column) else { throw .unknownColumn(column, in: input) }
            guard input.fields[index].type == .timestamp else {
                throw AnalysisError("withWatermark: column '\(column)' is \(input.fields[index].type), it must be a timestamp")
            }
            return input
        case .deduplicate(let child, let columns):
            let input = try schema(of: child)
            for column in columns where input.index(of: column) == nil { throw .unknownColumn(column, in: input) }
            return input
        case .join(let left, let right, let columns, let kind):
            let leftSchema = try schema(of: left)
            let rightSchema = try schema(of: right)
            var output: [Field] = []
            for column in columns {
                guard let leftIndex = leftSchema.index(of: column) else { throw .unknownColumn(column, in: leftSchema) }
                guard let rightIndex = rightSchema.index(of: column) else { throw .unknownColumn(column, in: rightSchema) }
                let (leftField, rightField) = (leftSchema.fields[leftIndex], rightSchema.fields[rightIndex])
                guard leftField.type == rightField.type else {
                    throw AnalysisError("join column '\(column)' is \(leftField.type) on the left and \(rightField.type) on the right")
                }
                output.append(leftField)
            }
            output += leftSchema.fields.filter { !columns.contains($0.name) }
            output += rightSchema.fields.filter { !columns.contains($0.name) }.map { field in
                Field(field.name, field.type, nullable: field.isNullable || kind == .leftOuter)
            }
            return try uniqueSchema(output)
        case .sort(let child, let keys):
            let input = try schema(of: child)
            for key in keys { _ = try field(of: key.expression, in: input) }
            return input
        case .limit(let child, let count):
            guard count >= 0 else { throw AnalysisError("limit: the count must be 0 or more, got \(count)") }
            return try schema(of: child)
        }
    }

    /// A schema of `fields`, whose names must be distinct so that later steps can refer to each.
    static func uniqueSchema(_ fields: [Field]) throws(AnalysisError) -> Schema {
        var seen = Set<String>()
        for field in fields where !seen.insert(field.name).inserted {
            throw AnalysisError("the result has two columns named '\(field.name)'; give one of them another name with alias(_:)")
        }
        return Schema(fields)
    }

    /// The output fields of one projected expression: two for a time window (`window.start`, `window.end`).
    static func fields(of expression: Expression, in schema: Schema) throws(AnalysisError) -> [Field] {
        switch expression.unaliased {
        case .window, .sessionWindow:
            _ = try field(of: expression, in: schema)
            let name = expression.name
            return [Field("\(name).start", .timestamp), Field("\(name).end", .timestamp)]
        default:
            return [try field(of: expression, in: schema)]
        }
    }

    /// The name and type of an expression's result.
    static func field(of expression: Expression, in schema: Schema) throws(AnalysisError) -> Field {
        let type = try ExpressionTyping.type(of: expression, in: schema)
        return Field(expression.name, type.type, nullable: type.isNullable)
    }
}
