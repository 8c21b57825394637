/// Why one line of a history could not be read, in a few words (`missing field 'batch'`).
public struct HistoryLineProblem: Error, Equatable, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }

    /// The gist of a decoding error: the field and what was wrong with it.
    init(_ error: DecodingError) {
        func field(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            description = "missing field '\(field(context.codingPath + [key]))'"
        case .valueNotFound(let type, let context):
            description = "field '\(field(context.codingPath))' is null, expected \(type)"
        case .typeMismatch(let type, let context):
            description = "field '\(field(context.codingPath))' is not a valid \(type)"
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            description = "not a JSON object (\(context.debugDescription))"
        case .dataCorrupted(let context):
            description = "field '\(field(context.codingPath))': \(context.debugDescription)"
        @unknown default:
            description = "\(error)"
        }
    }
}
