/// SQL text that does not parse: where (1-based line and column, counted in characters) and what was
/// expected, e.g. `SQL line 1, column 27: expected FROM, found 'FORM'`.
public struct SQLSyntaxError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    /// What is wrong, without the position.
    public let message: String

    public init(line: Int, column: Int, _ message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    init(at position: SQLPosition, _ message: String) {
        self.init(line: position.line, column: position.column, message)
    }

    public var description: String { "SQL line \(line), column \(column): \(message)" }
}

/// Where a token starts in SQL text: 1-based line and column, counted in characters.
struct SQLPosition: Equatable, Sendable, CustomStringConvertible {
    let line: Int
    let column: Int

    var description: String { "SQL line \(line), column \(column)" }
}
