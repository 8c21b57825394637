import SluiceCore

/// A batch id is written in the history as its plain number, e.g. `"batch":17`.
///
/// The harness adds the conformance because the core has no need to encode batch ids; if the core
/// gains its own, this file goes.
extension BatchID: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(Int64.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
