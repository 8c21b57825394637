/// A value read from a TOML document, with the line it starts on, so that an error can point at it.
struct TOMLValue: Sendable, Equatable {
    /// What the value holds. TOML's dates and times are not part of the subset and never appear.
    enum Content: Sendable, Equatable {
        case string(String)
        case integer(Int64)
        case float(Double)
        case boolean(Bool)
        case array([TOMLValue])
        case table(TOMLTable)
    }

    var content: Content
    /// The line the value starts on, from 1.
    var line: Int
    /// How a number or boolean was written (`5e5`, `500_000`), shown back in errors; empty for the rest.
    var written: String

    init(_ content: Content, line: Int, written: String = "") {
        self.content = content
        self.line = line
        self.written = written
    }

    /// The value as it would be written in TOML, for messages: strings quoted, numbers as they were
    /// written, arrays in brackets and tables as `a table`.
    var literal: String {
        switch content {
        case .string(let text): TOMLValue.quoted(text)
        case .integer, .float, .boolean: written
        case .array(let elements): "[" + elements.map(\.literal).joined(separator: ", ") + "]"
        case .table: "a table"
        }
    }

    /// `text` as a TOML basic string, with quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                result += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
