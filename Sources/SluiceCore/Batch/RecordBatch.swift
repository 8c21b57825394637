/// A chunk of rows stored as one typed column per schema field: the unit every operator consumes.
public struct RecordBatch: Sendable {
    public let schema: Schema
    public let columns: [ColumnVector]
    public let rowCount: Int

    /// Creates a batch; the columns must match the schema's types and all have `rowCount` rows.
    public init(schema: Schema, columns: [ColumnVector]) throws(BatchError) {
        guard columns.count == schema.count else {
            throw .columnCountMismatch(expected: schema.count, actual: columns.count)
        }
        let rowCount = columns.first?.count ?? 0
        for (field, column) in zip(schema.fields, columns) {
            guard column.dataType == field.type else {
                throw .typeMismatch(field: field.name, expected: field.type, actual: column.dataType)
            }
            guard column.count == rowCount else {
                throw .rowCountMismatch(field: field.name, expected: rowCount, actual: column.count)
            }
            guard field.isNullable || column.validity == nil || column.validity!.nullCount == 0 else {
                throw .nullInNonNullableField(field.name)
            }
        }
        self.init(validated: schema, columns: columns, rowCount: rowCount)
    }

    init(validated schema: Schema, columns: [ColumnVector], rowCount: Int) {
        self.schema = schema
        self.columns = columns
        self.rowCount = rowCount
    }

    /// A batch with `schema` and no rows.
    public static func empty(_ schema: Schema) -> RecordBatch {
        var builder = RecordBatchBuilder(schema: schema)
        return builder.finish()
    }

    /// The column called `name`, or nil.
    public func column(named name: String) -> ColumnVector? {
        schema.index(of: name).map { columns[$0] }
    }

    /// Row `row` as boxed values (for printing and tests).
    public func row(_ row: Int) -> [Value] { columns.map { $0.value(at: row) } }

    /// Every row as boxed values (for printing and tests).
    public var rows: [[Value]] { (0 ..< rowCount).map(row) }
}

/// A record batch was assembled from parts that do not fit together.
public enum BatchError: Error, Equatable, CustomStringConvertible {
    case columnCountMismatch(expected: Int, actual: Int)
    case typeMismatch(field: String, expected: DataType, actual: DataType)
    case rowCountMismatch(field: String, expected: Int, actual: Int)
    case nullInNonNullableField(String)
    case schemaMismatch(expected: Schema, actual: Schema)
    case valueTypeMismatch(field: String, expected: DataType, value: Value)

    public var description: String {
        switch self {
        case .columnCountMismatch(let expected, let actual):
            "record batch: \(actual) columns for a schema of \(expected) fields"
        case .typeMismatch(let field, let expected, let actual):
            "record batch, field '\(field)': column is \(actual), schema says \(expected)"
        case .rowCountMismatch(let field, let expected, let actual):
            "record batch, field '\(field)': \(actual) rows, other columns have \(expected)"
        case .nullInNonNullableField(let field):
            "record batch, field '\(field)': null in a non-nullable field"
        case .schemaMismatch(let expected, let actual):
            "record batch: schema \(actual) where \(expected) was expected"
        case .valueTypeMismatch(let field, let expected, let value):
            "record batch, field '\(field)': value \(value) is not \(expected)"
        }
    }
}
