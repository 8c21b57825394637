/// Renders stream elements as `print` and `saveAsTextFiles` write them: strings bare, tuples as
/// `(a, b)`, arrays as `[a, b]`, optionals as their value or `nil`, anything else as `description`.
@usableFromInline enum ElementFormatter {
    @usableFromInline static func render(_ value: Any) -> String {
        if let string = value as? String { return string }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .tuple:
            return "(" + mirror.children.map { render($0.value) }.joined(separator: ", ") + ")"
        case .collection:
            return "[" + mirror.children.map { render($0.value) }.joined(separator: ", ") + "]"
        case .optional:
            return mirror.children.first.map { render($0.value) } ?? "nil"
        default:
            return String(describing: value)
        }
    }
}
