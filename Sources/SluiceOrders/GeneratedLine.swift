/// One line the generator makes: an order, or a malformed line in its place.
public enum GeneratedLine: Sendable, Hashable {
    case order(Order)
    case malformed(MalformedOrderLine)

    /// Appends the line and its newline to `buffer`.
    public func appendText(to buffer: inout [UInt8]) {
        switch self {
        case .order(let order):
            order.appendLine(to: &buffer)
        case .malformed(let malformed):
            buffer.append(contentsOf: malformed.bytes)
            buffer.append(UInt8(ascii: "\n"))
        }
    }
}
