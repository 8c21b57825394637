/// The distinct strings of a dictionary-encoded column, stored as one UTF-8 byte run plus offsets.
///
/// A column holds 32-bit codes into its dictionary; kernels compare and hash codes, and only printing or
/// an explicit `string(at:)` materializes a `String`. Each entry's hash is computed once, when the
/// dictionary is built, so hashing a string column costs one lookup per row.
public final class StringDictionary: Sendable {
    @usableFromInline let bytes: ContiguousArray<UInt8>
    /// Entry `code` occupies `bytes[offsets[code] ..< offsets[code + 1]]`.
    @usableFromInline let offsets: ContiguousArray<Int32>
    /// `HashMixing.hash(bytes:)` of each entry.
    public let hashes: ContiguousArray<UInt64>

    init(bytes: ContiguousArray<UInt8>, offsets: ContiguousArray<Int32>, hashes: ContiguousArray<UInt64>) {
        self.bytes = bytes
        self.offsets = offsets
        self.hashes = hashes
    }

    /// A dictionary holding `strings` in order, duplicates kept.
    public convenience init(_ strings: some Sequence<String>) {
        var builder = StringDictionaryBuilder(deduplicating: false)
        for string in strings { _ = builder.intern(string) }
        self.init(copying: builder)
    }

    convenience init(copying builder: StringDictionaryBuilder) {
        self.init(bytes: builder.bytes, offsets: builder.offsets, hashes: builder.hashes)
    }

    /// The number of entries.
    public var count: Int { offsets.count - 1 }

    /// The entry for `code` as a `String` (invalid UTF-8 is repaired with U+FFFD).
    public func string(at code: Int32) -> String {
        let index = Int(code)
        return String(decoding: bytes[Int(offsets[index]) ..< Int(offsets[index + 1])], as: UTF8.self)
    }

    /// Calls `body` with the UTF-8 bytes of entry `code`.
    @inlinable public func withUTF8<Result>(at code: Int32, _ body: (Span<UInt8>) throws -> Result) rethrows -> Result {
        let index = Int(code)
        let range = Int(offsets[index]) ..< Int(offsets[index + 1])
        let storage = bytes
        return try body(storage.span.extracting(range))
    }

    /// The code of the first entry equal to `string`, or nil; a linear scan, meant for once-per-batch lookups.
    public func code(of string: String) -> Int32? {
        let utf8 = Array(string.utf8)
        return firstCode(matching: utf8.span)
    }

    private func firstCode(matching target: Span<UInt8>) -> Int32? {
        let targetHash = HashMixing.hash(bytes: target)
        for code in 0 ..< count where hashes[code] == targetHash {
            let equal = withUTF8(at: Int32(code)) { entry in
                entry.count == target.count && entry.indices.allSatisfy { entry[$0] == target[$0] }
            }
            if equal { return Int32(code) }
        }
        return nil
    }

    /// All entries as strings, in code order.
    public var strings: [String] { (0 ..< count).map { string(at: Int32($0)) } }
}
