import SluiceCore

extension SinkColumn.Kind {
    /// `value` in the one form this kind compares by: booleans from 0 and 1, timestamps as text.
    func normalized(_ value: JSONScalar) -> JSONScalar {
        switch (self, value) {
        case (.boolean, .int(let number)) where number == 0 || number == 1:
            return .bool(number == 1)
        case (.timestamp, .int(let microseconds)):
            return .string(Timestamp(microseconds: microseconds).description)
        case (.timestamp, .string(let text)):
            let bytes = Array(text.utf8)
            guard let instant = Timestamp(text: bytes.span) else { return value }
            return .string(instant.description)
        default:
            return value
        }
    }
}
