import SluiceCore

/// A query that cannot run as written; the message names the column, the rule or the type at fault.
public struct AnalysisError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }

    static func unknownColumn(_ name: String, in schema: Schema) -> AnalysisError {
        AnalysisError("cannot resolve column '\(name)' given input columns: [\(schema.fields.map(\.name).joined(separator: ", "))]")
    }

    static func tableNotFound(_ name: String, known: [String]) -> AnalysisError {
        AnalysisError("table or view not found: '\(name)'; known tables and views: [\(known.joined(separator: ", "))]")
    }

    static func typeMismatch(_ expression: Expression, _ detail: String) -> AnalysisError {
        AnalysisError("cannot evaluate '\(expression)': \(detail)")
    }
}
