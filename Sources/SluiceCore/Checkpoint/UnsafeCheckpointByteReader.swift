/// Reads a checkpoint payload front to back, checking every length against the bytes that remain, so a
/// truncated or inconsistent payload is an error naming what was being read, never a crash.
///
/// Why unsafe: `values(count:as:_:)`, `bools(count:_:)` and `validityWords(rowCount:_:)` fill new arrays
/// with `memcpy` from the payload. Each first takes its byte range through `take`, which checks that
/// the range lies inside the payload; the destination array is allocated with room for exactly that many
/// bytes (or more, for validity words, which start zeroed). The copied bytes form valid values because
/// `CheckpointPlainValue` is only for types where every bit pattern is a value, and `bools` checks that
/// each byte is 0 or 1 before copying. The layout is the payload's little-endian format because the host
/// is little-endian (see `CheckpointByteWriter`).
struct CheckpointByteReader {
    private let bytes: [UInt8]
    /// The file the payload came from, for errors.
    let path: String
    /// The offset of the next byte to read.
    private(set) var position = 0

    init(_ bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
    }

    /// The number of bytes not read yet.
    var remaining: Int { bytes.count - position }

    /// An error saying that `what` is wrong with the payload.
    func corrupt(_ what: String) -> CheckpointError { .corrupt(path: path, reason: what) }

    mutating func readUInt8(_ what: String) throws(CheckpointError) -> UInt8 {
        bytes[try take(1, what).lowerBound]
    }

    /// Reads 4 little-endian bytes.
    mutating func readUInt32(_ what: String) throws(CheckpointError) -> UInt32 {
        let range = try take(4, what)
        return range.reversed().reduce(0) { value, index in value << 8 | UInt32(bytes[index]) }
    }

    /// Reads 8 little-endian bytes.
    mutating func readUInt64(_ what: String) throws(CheckpointError) -> UInt64 {
        let range = try take(8, what)
        return range.reversed().reduce(0) { value, index in value << 8 | UInt64(bytes[index]) }
    }

    /// Reads `count` bytes as UTF-8 (invalid sequences become U+FFFD).
    mutating func readString(count: Int, _ what: String) throws(CheckpointError) -> String {
        String(decoding: bytes[try take(count, what)], as: UTF8.self)
    }

    /// Reads `count` bytes.
    mutating func readBytes(count: Int, _ what: String) throws(CheckpointError) -> ContiguousArray<UInt8> {
        try values(count: count, as: UInt8.self, what)
    }

    /// Reads `count` values of `type`, each its little-endian bytes, in one copy.
    mutating func values<Element: CheckpointPlainValue>(count: Int, as type: Element.Type, _ what: String) throws(CheckpointError) -> ContiguousArray<Element> {
        let range = try take(count: count, stride: MemoryLayout<Element>.stride, what)
        return copy(range, into: ContiguousArray(repeating: Element.zero, count: count))
    }

    /// Reads `count` booleans, one byte each; a byte other than 0 or 1 is an error.
    mutating func bools(count: Int, _ what: String) throws(CheckpointError) -> ContiguousArray<Bool> {
        let range = try take(count, what)
        if let bad = bytes[range].firstIndex(where: { $0 > 1 }) {
            throw corrupt("\(what): byte \(bad) is \(bytes[bad]), not a boolean (0 or 1)")
        }
        return copy(range, into: ContiguousArray(repeating: false, count: count))
    }

    /// Reads a validity bitmap of `rowCount` bits packed into ⌈rowCount / 8⌉ bytes, as 64-bit words.
    mutating func validityWords(rowCount: Int, _ what: String) throws(CheckpointError) -> ContiguousArray<UInt64> {
        let range = try take((rowCount + 7) / 8, what)
        return copy(range, into: ContiguousArray(repeating: 0, count: (rowCount + 63) / 64))
    }

    /// The next `count × stride` bytes' range; an error when they do not fit in what remains.
    private mutating func take(count: Int, stride: Int, _ what: String) throws(CheckpointError) -> Range<Int> {
        guard stride == 1 || count <= remaining / stride else {
            throw corrupt("truncated: \(what): \(count) values of \(stride) bytes needed at byte \(position), \(remaining) remain")
        }
        return try take(count * stride, what)
    }

    /// The next `count` bytes' range; an error when fewer remain.
    private mutating func take(_ count: Int, _ what: String) throws(CheckpointError) -> Range<Int> {
        guard count <= remaining else {
            throw corrupt("truncated: \(what): \(count) bytes needed at byte \(position), \(remaining) remain")
        }
        defer { position += count }
        return position ..< position + count
    }

    /// `target` with its first `range.count` bytes replaced by the payload's bytes at `range`.
    private func copy<Element: BitwiseCopyable>(_ range: Range<Int>, into target: ContiguousArray<Element>) -> ContiguousArray<Element> {
        var target = target
        precondition(range.count <= target.count * MemoryLayout<Element>.stride, "CheckpointByteReader: copy past the array")
        target.withUnsafeMutableBytes { destination in
            bytes.withUnsafeBytes { source in
                destination.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[range]))
            }
        }
        return target
    }
}

/// A fixed-width type whose every bit pattern is a valid value, so checkpoint bytes may be copied into it.
protocol CheckpointPlainValue: BitwiseCopyable {
    static var zero: Self { get }
}

extension UInt8: CheckpointPlainValue {}
extension UInt32: CheckpointPlainValue {}
extension Int32: CheckpointPlainValue {}
extension Int64: CheckpointPlainValue {}
extension Double: CheckpointPlainValue {}
