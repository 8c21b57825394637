/// Which rows of the result table a streaming query writes after each micro-batch.
public enum OutputMode: String, Sendable, Hashable {
    /// Only rows added since the last trigger, which never change afterwards.
    case append
    /// The whole result table, every time.
    case complete
    /// Only the rows that changed since the last trigger.
    case update
}
