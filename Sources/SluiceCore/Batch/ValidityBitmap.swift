/// One bit per row saying whether the row holds a value (1) or is null (0).
///
/// A column without a bitmap has no nulls, so kernels only consult one when a column is nullable.
public struct ValidityBitmap: Sendable, Equatable {
    @usableFromInline let words: ContiguousArray<UInt64>
    @usableFromInline let bitOffset: Int
    public let count: Int

    @usableFromInline init(words: ContiguousArray<UInt64>, bitOffset: Int, count: Int) {
        self.words = words
        self.bitOffset = bitOffset
        self.count = count
    }

    /// A bitmap with `isValid[i]` for each row.
    public init(_ isValid: some Sequence<Bool>) {
        var builder = ValidityBitmapBuilder()
        for valid in isValid { builder.append(valid) }
        self = builder.finish()
    }

    /// Whether row `row` holds a value.
    @inlinable public func isValid(_ row: Int) -> Bool {
        let bit = bitOffset &+ row
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// The number of null rows.
    public var nullCount: Int {
        var nulls = 0
        for row in 0 ..< count where !isValid(row) { nulls += 1 }
        return nulls
    }

    /// The bits of rows `range`, sharing storage.
    public func slice(_ range: Range<Int>) -> ValidityBitmap {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "ValidityBitmap: slice \(range) out of 0..<\(count)")
        return ValidityBitmap(words: words, bitOffset: bitOffset + range.lowerBound, count: range.count)
    }

    /// The bits of the rows that `selection` names, in its order.
    public func gather(_ selection: SelectionVector) -> ValidityBitmap {
        var builder = ValidityBitmapBuilder(capacity: selection.count)
        for row in selection { builder.append(isValid(Int(row))) }
        return builder.finish()
    }

    public static func == (lhs: ValidityBitmap, rhs: ValidityBitmap) -> Bool {
        lhs.count == rhs.count && (0 ..< lhs.count).allSatisfy { lhs.isValid($0) == rhs.isValid($0) }
    }
}

/// Appends validity bits one row at a time.
public struct ValidityBitmapBuilder: Sendable {
    private var words: ContiguousArray<UInt64> = []
    public private(set) var count = 0

    public init(capacity: Int = 0) {
        words.reserveCapacity((capacity + 63) / 64)
    }

    /// Appends one row's bit.
    @inlinable public mutating func append(_ isValid: Bool) {
        appendBit(isValid)
    }

    @usableFromInline mutating func appendBit(_ isValid: Bool) {
        if count & 63 == 0 { words.append(0) }
        if isValid { words[count >> 6] |= 1 << UInt64(count & 63) }
        count += 1
    }

    /// Appends `rows` valid bits.
    public mutating func appendValid(count rows: Int) {
        for _ in 0 ..< rows { appendBit(true) }
    }

    public func finish() -> ValidityBitmap {
        ValidityBitmap(words: words, bitOffset: 0, count: count)
    }
}
