import Foundation

/// Where a `DirectoryInput` stands after a cut: the files that cut read and how many cuts have read
/// files since the stream began. Its `SourceOffset` is JSON with sorted keys, for example
///
/// ```
/// {"files":["orders-0001.csv","orders-0002.csv"],"index":42}
/// ```
///
/// `files` are the names (not paths) inside the watched directory whose rows the cut delivered, in
/// the order it read them; a cut that reads no file keeps the previous offset, so `index` grows by one
/// with each cut that reads files, and `{"files":[],"index":0}` means nothing has been read.
public struct DirectoryOffset: Sendable, Hashable, Codable {
    /// The files the cut read, in reading order.
    public var files: [String]
    /// The number of cuts that have read files, this one included.
    public var index: Int64

    public init(files: [String], index: Int64) {
        self.files = files
        self.index = index
    }

    /// The offset of an input that has read nothing.
    public static let nothing = DirectoryOffset(files: [], index: 0)

    /// Reads `offset`, or throws a `ReplayError` of `input` if it is not a directory offset.
    public init(_ offset: SourceOffset, input: String) throws(ReplayError) {
        do {
            self = try JSONDecoder().decode(DirectoryOffset.self, from: Data(offset.json.utf8))
        } catch {
            throw ReplayError(input: input, message: "'\(offset.json)' is not a directory offset: \(error)")
        }
    }

    /// The offset as the opaque value the driver stores.
    public var sourceOffset: SourceOffset {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding an array of strings and an integer cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return SourceOffset(json: String(decoding: data, as: UTF8.self))
    }
}
