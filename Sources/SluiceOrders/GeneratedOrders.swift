/// A whole generated file in memory: its text, and what each line holds.
public struct GeneratedOrders: Sendable {
    /// The well-formed orders, in file order.
    public var orders: [Order]
    /// The malformed lines, in file order.
    public var malformedLines: [MalformedOrderLine]
    /// The file's bytes: every line, each ending in a newline.
    public var text: [UInt8]
}
