import SluiceCore

/// Binds one column of a record batch to one parameter of an insert statement, row by row, reading
/// the typed column directly: the column's type and nullability are decided once, when the binder is
/// made, not per value, and no value is boxed.
struct ColumnBinder {
    /// Binds row `row` of the column to the parameter.
    let bind: (_ row: Int) throws(SQLiteError) -> Void

    init(column: ColumnVector, parameter: Int32, statement: SQLiteStatement) {
        let bindValue: (Int) throws(SQLiteError) -> Void
        switch column {
        case .int64(let typed), .timestamp(let typed):
            let values = typed.values
            bindValue = { row throws(SQLiteError) in try statement.bind(values[row], at: parameter) }
        case .double(let typed):
            let values = typed.values
            bindValue = { row throws(SQLiteError) in try statement.bind(values[row], at: parameter) }
        case .bool(let typed):
            let values = typed.values
            bindValue = { row throws(SQLiteError) in try statement.bind(values[row] ? 1 as Int64 : 0, at: parameter) }
        case .string(let typed):
            bindValue = { row throws(SQLiteError) in try Self.bindText(of: typed, row: row, parameter: parameter, statement: statement) }
        }
        guard let validity = column.validity else {
            bind = bindValue
            return
        }
        bind = { row throws(SQLiteError) in
            if validity.isValid(row) { try bindValue(row) } else { try statement.bindNull(at: parameter) }
        }
    }

    private static func bindText(of column: StringColumn, row: Int, parameter: Int32, statement: SQLiteStatement) throws(SQLiteError) {
        var failure: SQLiteError?
        column.dictionary.withUTF8(at: column.codes[row]) { bytes in
            do throws(SQLiteError) { try statement.bind(utf8: bytes, at: parameter) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
