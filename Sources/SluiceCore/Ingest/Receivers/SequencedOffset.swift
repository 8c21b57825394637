import Foundation

/// Where a `SequencedChannelInput` stands: for each producer, how many of its rows the cuts have taken
/// (its end sequence). Its `SourceOffset` is a JSON object with sorted keys, for example
///
/// ```
/// {"p0":1000,"p1":980}
/// ```
///
/// A batch that went from offset `a` to offset `b` holds, for each producer `p`, its rows numbered
/// `a[p] ..< b[p]` (a producer missing from an offset stands at 0); `{}` means nothing was taken.
public struct SequencedOffset: Sendable, Hashable {
    /// Each producer's end sequence.
    public var ends: [String: Int64]

    public init(_ ends: [String: Int64] = [:]) { self.ends = ends }

    /// Reads `offset`, or throws a `ReplayError` of `input` if it is not a sequenced offset.
    public init(_ offset: SourceOffset, input: String) throws(ReplayError) {
        do {
            ends = try JSONDecoder().decode([String: Int64].self, from: Data(offset.json.utf8))
        } catch {
            throw ReplayError(input: input, message: "'\(offset.json)' is not a sequenced offset: \(error)")
        }
        if let (producer, end) = ends.first(where: { $0.value < 0 }) {
            throw ReplayError(input: input, message: "'\(offset.json)': producer '\(producer)' has the negative end \(end)")
        }
    }

    /// Producer `producer`'s end sequence; 0 when the offset does not name it.
    public subscript(producer: String) -> Int64 { ends[producer] ?? 0 }

    /// The offset as the opaque value the driver stores.
    public var sourceOffset: SourceOffset {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a dictionary of strings to integers cannot fail.
        let data = (try? encoder.encode(ends)) ?? Data("{}".utf8)
        return SourceOffset(json: String(decoding: data, as: UTF8.self))
    }
}
