/// Writes SVG markup: elements with escaped attribute values and text, numbers with at most one decimal.
struct SVGBuilder {
    private(set) var markup = ""

    /// An empty element, e.g. `<line x1="0" .../>`.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>) {
        markup += "<\(name)\(Self.render(attributes))/>\n"
    }

    /// An element holding text, e.g. `<text x="4" y="9">p99</text>`.
    mutating func text(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>, content: String) {
        markup += "<\(name)\(Self.render(attributes))>\(Self.escape(content))</\(name)>\n"
    }

    /// Opens an element that holds others; close it with ``close(_:)``.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, SVGValue>) {
        markup += "<\(name)\(Self.render(attributes))>\n"
    }

    /// Closes an element opened with ``open(_:_:)``.
    mutating func close(_ name: String) {
        markup += "</\(name)>\n"
    }

    /// `text` with XML's five special characters escaped.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// A coordinate rounded to a tenth, without a trailing ".0".
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths / 10)
        let fraction = Int(abs(tenths.truncatingRemainder(dividingBy: 10)))
        if fraction == 0 { return String(whole) }
        return (tenths < 0 && whole == 0 ? "-" : "") + "\(whole).\(fraction)"
    }

    private static func render(_ attributes: KeyValuePairs<String, SVGValue>) -> String {
        attributes.map { " \($0.key)=\"\(escape($0.value.text))\"" }.joined()
    }
}

/// An attribute value: text, or a number written as ``SVGBuilder/number(_:)`` writes it.
struct SVGValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    let text: String

    init(_ text: String) { self.text = text }
    init(_ number: Double) { text = SVGBuilder.number(number) }
    init(stringLiteral value: String) { text = value }
    init(floatLiteral value: Double) { self.init(value) }
    init(integerLiteral value: Int) { text = String(value) }
}
