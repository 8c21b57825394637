import Foundation
import SluiceCore

/// Where a `PostgresTableInput` stands: the largest key it has read, `{"key":N}`, or `{"key":null}`
/// before it has read any.
struct PostgresKeyOffset: Equatable, Codable {
    /// The last key read; nil when none was.
    var key: Int64?

    init(key: Int64?) { self.key = key }

    /// The key in `offset`, or nil if `offset` is not a key offset.
    init?(_ offset: SourceOffset) {
        guard let decoded = try? JSONDecoder().decode(PostgresKeyOffset.self, from: Data(offset.json.utf8)) else { return nil }
        self = decoded
    }

    var offset: SourceOffset { SourceOffset(json: "{\"key\":\(key.map(String.init) ?? "null")}") }

    private enum CodingKeys: String, CodingKey { case key }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.key) else {
            throw DecodingError.keyNotFound(CodingKeys.key, .init(codingPath: [], debugDescription: "no key"))
        }
        key = try container.decode(Int64?.self, forKey: .key)
    }
}
