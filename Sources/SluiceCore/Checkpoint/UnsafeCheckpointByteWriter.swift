#if !_endian(little)
#error("RecordBatchCodec copies column memory as its little-endian format, which only a little-endian host lays out")
#endif

/// Builds a checkpoint payload: little-endian integers, and column memory copied in bulk.
///
/// Why unsafe: `appendMemory(of:byteCount:)` copies a span's bytes with `memcpy`. The source is the
/// span's own buffer, lent by `withUnsafeBytes` and read only inside that closure: its first `byteCount`
/// bytes, checked to be no more than the span holds. The destination is the tail of `bytes`, grown by
/// exactly that many bytes just before, so neither side is read or written past its end. The copy is the
/// payload's little-endian format only because the host is little-endian, which the `#error` above
/// checks when compiling.
struct CheckpointByteWriter {
    /// The payload so far.
    private(set) var bytes: [UInt8] = []

    /// A writer whose buffer holds `capacity` bytes before it grows.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func appendUInt8(_ byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends `value` as 4 little-endian bytes.
    mutating func appendUInt32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    /// Appends `value` as 8 little-endian bytes.
    mutating func appendUInt64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// Appends `utf8` as it is.
    mutating func append(contentsOf utf8: some Collection<UInt8>) {
        bytes.append(contentsOf: utf8)
    }

    /// Appends the memory of `values`: each element's bytes, little-endian, without padding; only the
    /// first `byteCount` bytes of it when given.
    mutating func appendMemory<Element: BitwiseCopyable>(of values: Span<Element>, byteCount: Int? = nil) {
        precondition(MemoryLayout<Element>.size == MemoryLayout<Element>.stride, "CheckpointByteWriter: \(Element.self) has padding")
        let start = bytes.count
        values.withUnsafeBytes { source in
            let count = byteCount ?? source.count
            precondition(count >= 0 && count <= source.count, "CheckpointByteWriter: \(count) bytes of a \(source.count)-byte span")
            bytes.append(contentsOf: repeatElement(0, count: count))
            bytes.withUnsafeMutableBytes { target in
                UnsafeMutableRawBufferPointer(rebasing: target[start...]).copyMemory(from: UnsafeRawBufferPointer(rebasing: source[..<count]))
            }
        }
    }
}
