/// Builds a `StringDictionary`, giving each distinct byte string one code (or each string its own code).
///
/// Interning looks the bytes up in an open-addressing table of codes keyed by the bytes' hash, so the
/// common case — a symbol seen before — allocates nothing.
public struct StringDictionaryBuilder: Sendable {
    private(set) var bytes: ContiguousArray<UInt8> = []
    private(set) var offsets: ContiguousArray<Int32> = [0]
    private(set) var hashes: ContiguousArray<UInt64> = []
    /// Slot `i` holds `code + 1`, or 0 when empty. The table's size is a power of two, at most half full.
    private var slots: ContiguousArray<Int32>
    private let isDeduplicating: Bool

    /// Creates a builder; with `deduplicating: false` every interned string gets a new code (plain encoding).
    public init(deduplicating: Bool = true) {
        self.isDeduplicating = deduplicating
        self.slots = ContiguousArray(repeating: 0, count: deduplicating ? 64 : 0)
    }

    /// The number of entries so far.
    public var count: Int { hashes.count }

    /// The code for `bytes`, adding an entry if it is new (or always, when not deduplicating).
    public mutating func intern(_ utf8: Span<UInt8>) -> Int32 {
        let hash = HashMixing.hash(bytes: utf8)
        guard isDeduplicating else { return append(utf8, hash: hash) }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let code = Int(stored - 1)
            if hashes[code] == hash && entryEquals(code, utf8) { return Int32(code) }
            slot = (slot + 1) & mask
        }
        let code = append(utf8, hash: hash)
        slots[slot] = code + 1
        if count * 2 > slots.count { growTable() }
        return code
    }

    /// The code for `string`, adding an entry if it is new.
    public mutating func intern(_ string: String) -> Int32 {
        intern(string.utf8.span)
    }

    /// The finished, immutable dictionary.
    public func finish() -> StringDictionary { StringDictionary(copying: self) }

    private mutating func append(_ utf8: Span<UInt8>, hash: UInt64) -> Int32 {
        let code = Int32(hashes.count)
        for index in utf8.indices { bytes.append(utf8[index]) }
        precondition(bytes.count <= Int(Int32.max), "StringDictionary: more than 2 GiB of string bytes in one column")
        offsets.append(Int32(bytes.count))
        hashes.append(hash)
        return code
    }

    private func entryEquals(_ code: Int, _ utf8: Span<UInt8>) -> Bool {
        let start = Int(offsets[code])
        let end = Int(offsets[code + 1])
        guard end - start == utf8.count else { return false }
        var index = 0
        while index < utf8.count {
            if bytes[start + index] != utf8[index] { return false }
            index += 1
        }
        return true
    }

    private mutating func growTable() {
        var grown = ContiguousArray<Int32>(repeating: 0, count: slots.count * 2)
        let mask = grown.count - 1
        for code in 0 ..< count {
            var slot = Int(truncatingIfNeeded: hashes[code]) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(code + 1)
        }
        slots = grown
    }
}
