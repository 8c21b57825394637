/// The sequence number of a micro-batch, from 0: what checkpoints and idempotent sinks key on.
public struct BatchID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let rawValue: Int64

    public init(_ rawValue: Int64) { self.rawValue = rawValue }

    /// The batch after this one.
    public var next: BatchID { BatchID(rawValue + 1) }

    public static func < (lhs: BatchID, rhs: BatchID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { String(rawValue) }
}
