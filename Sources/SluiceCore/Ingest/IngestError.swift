/// Why a producer could not register or send; each names the channel and the producer.
public enum IngestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ring was full and the policy is `.fail`; the chunk was not sent.
    case ringFull(channel: String, producer: String, capacity: Int)
    /// The consumer closed the channel; nothing more can be registered or sent.
    case channelClosed(channel: String, producer: String)
    /// The producer already finished; it cannot send again.
    case producerFinished(channel: String, producer: String)
    /// Another thread was in a call on the same producer handle; a handle serves one thread at a time.
    case producerInUse(channel: String, producer: String)

    /// The error in one line, naming the channel and the producer.
    public var description: String {
        switch self {
        case let .ringFull(channel, producer, capacity):
            "\(place(channel, producer)): ring full (capacity \(capacity) chunks) and the full-buffer policy is "
                + ".fail; the chunk was not sent"
        case let .channelClosed(channel, producer):
            "\(place(channel, producer)): the channel is closed; nothing more can be registered or sent"
        case let .producerFinished(channel, producer):
            "\(place(channel, producer)): the producer has finished; it cannot send again"
        case let .producerInUse(channel, producer):
            "\(place(channel, producer)): another thread is in a call on this producer handle; "
                + "a handle serves one thread at a time"
        }
    }

    private func place(_ channel: String, _ producer: String) -> String {
        "ingest channel '\(channel)', producer '\(producer)'"
    }
}
