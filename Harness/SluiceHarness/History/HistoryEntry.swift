/// One line of `history.jsonl`: an event with its place in the run.
///
/// The line is one JSON object holding `seq`, `t`, `type` and the fields of the event's payload side by
/// side, e.g. `{"batch":4,"rows":1000,"seq":17,"t":2100450,"triggerTime":2100000,"type":"batchStarted"}`.
/// ``HistoryEvent`` shows every type; no payload has a field named `seq`, `t` or `type`. Readers skip
/// fields they do not know, so optional fields can be added without breaking stored histories.
public struct HistoryEntry: Sendable, Equatable, Codable {
    /// The line's sequence number (`seq`), from 1, one more on every line.
    public var sequence: Int64
    /// When it happened (`t`), in µs since the run started.
    public var time: Int64
    /// What happened (`type` and the payload's fields).
    public var event: HistoryEvent

    public init(sequence: Int64, time: Int64, event: HistoryEvent) {
        self.sequence = sequence
        self.time = time
        self.event = event
    }

    private enum CodingKeys: String, CodingKey {
        case sequence = "seq", time = "t", type
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sequence = try container.decode(Int64.self, forKey: .sequence)
        time = try container.decode(Int64.self, forKey: .time)
        let typeName = try container.decode(String.self, forKey: .type)
        guard let type = HistoryEvent.EventType(rawValue: typeName) else {
            let known = HistoryEvent.EventType.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(forKey: .type, in: container, debugDescription: "unknown type '\(typeName)', expected one of \(known)")
        }
        event = try HistoryEvent(type: type, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .sequence)
        try container.encode(time, forKey: .time)
        try container.encode(event.type, forKey: .type)
        try event.encodePayload(to: encoder)
    }
}

extension HistoryEvent {
    /// Decodes the payload of a `type` line from the line's own object.
    init(type: EventType, from decoder: any Decoder) throws {
        switch type {
        case .produced: self = .produced(try Produced(from: decoder))
        case .batchStarted: self = .batchStarted(try BatchStarted(from: decoder))
        case .offsetsWritten: self = .offsetsWritten(try OffsetsWritten(from: decoder))
        case .batchCommitted: self = .batchCommitted(try BatchCommitted(from: decoder))
        case .sinkRows: self = .sinkRows(try SinkRows(from: decoder))
        case .latency: self = .latency(try LatencySamples(from: decoder))
        case .faultInjected: self = .faultInjected(try FaultInjected(from: decoder))
        case .processExited: self = .processExited(try ProcessExited(from: decoder))
        case .restarted: self = .restarted(try Restarted(from: decoder))
        case .checkResult: self = .checkResult(try CheckResult(from: decoder))
        }
    }

    /// Encodes the payload's fields into the line's object, beside `seq`, `t` and `type`.
    func encodePayload(to encoder: any Encoder) throws {
        switch self {
        case .produced(let payload): try payload.encode(to: encoder)
        case .batchStarted(let payload): try payload.encode(to: encoder)
        case .offsetsWritten(let payload): try payload.encode(to: encoder)
        case .batchCommitted(let payload): try payload.encode(to: encoder)
        case .sinkRows(let payload): try payload.encode(to: encoder)
        case .latency(let payload): try payload.encode(to: encoder)
        case .faultInjected(let payload): try payload.encode(to: encoder)
        case .processExited(let payload): try payload.encode(to: encoder)
        case .restarted(let payload): try payload.encode(to: encoder)
        case .checkResult(let payload): try payload.encode(to: encoder)
        }
    }
}
