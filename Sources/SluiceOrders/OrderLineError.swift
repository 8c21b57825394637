import SluiceCore

/// Why a line of `orders.txt` is not an order: the field at fault, if one is, and the problem.
///
/// Its description reads like `field 'price': 'abc' is not a decimal`; a reader of a whole file puts
/// the file and line in front, as in `orders.txt line 3021, field 'price': 'abc' is not a decimal`.
public struct OrderLineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The schema name of the field at fault (see `OrderSchema`), or nil when the line as a whole is wrong.
    public var fieldName: String?
    /// What is wrong, quoting the offending text.
    public var problem: String

    /// Creates an error about `fieldName`, or about the whole line when it is nil.
    public init(fieldName: String? = nil, problem: String) {
        self.fieldName = fieldName
        self.problem = problem
    }

    public var description: String {
        fieldName.map { "field '\($0)': \(problem)" } ?? problem
    }

    /// `text` in single quotes, invalid UTF-8 shown as U+FFFD and long texts cut to their first 40 bytes.
    static func quoted(_ text: Span<UInt8>) -> String {
        let limit = 40
        let shown = String(decoding: ScalarText.copy(text.extracting(first: limit)), as: UTF8.self)
        return text.count > limit ? "'\(shown)…' (\(text.count) bytes)" : "'\(shown)'"
    }
}
