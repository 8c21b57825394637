/// A generated line that is deliberately not an order, and where it is.
public struct MalformedOrderLine: Sendable, Hashable {
    /// The line's number in the file, counting from 1; it is also the orderId of the order it replaced.
    public var lineNumber: Int
    /// How the line is spoiled.
    public var kind: MalformedOrderKind
    /// The line's bytes, without the newline.
    public var bytes: [UInt8]

    /// Creates the record of a malformed line.
    public init(lineNumber: Int, kind: MalformedOrderKind, bytes: [UInt8]) {
        self.lineNumber = lineNumber
        self.kind = kind
        self.bytes = bytes
    }
}
