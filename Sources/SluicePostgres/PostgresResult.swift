/// The rows of one statement, as PostgreSQL's text format gives them.
public struct PostgresResult: Sendable, Equatable {
    /// The result's column names.
    public var columns: [String]
    /// Every row, one optional string per column (nil is SQL NULL).
    public var rows: [[String?]]
    /// The rows an `INSERT`, `UPDATE`, `DELETE` (and a few others) affected; nil for other statements.
    public var affectedRows: Int?

    public init(columns: [String], rows: [[String?]], affectedRows: Int?) {
        self.columns = columns
        self.rows = rows
        self.affectedRows = affectedRows
    }

    /// The first column of the first row, nil if there is none or it is NULL.
    public var scalar: String? { rows.first?.first ?? nil }
}
