/// An immutable run of fixed-width values in one contiguous allocation; slicing shares the allocation.
///
/// The values are `storage[offset ..< offset + count]`. Kernels read them through `withSpan`, which the
/// optimizer turns into plain loads, so release builds vectorize loops over a buffer.
public struct ColumnBuffer<Element: BitwiseCopyable & Sendable>: Sendable, RandomAccessCollection {
    @usableFromInline let storage: ContiguousArray<Element>
    @usableFromInline let offset: Int
    public let count: Int

    /// Wraps `values` without copying them.
    @inlinable public init(_ values: ContiguousArray<Element>) {
        self.storage = values
        self.offset = 0
        self.count = values.count
    }

    /// Copies `values` into a new buffer.
    @inlinable public init(_ values: some Sequence<Element>) {
        self.init(ContiguousArray(values))
    }

    @usableFromInline init(storage: ContiguousArray<Element>, offset: Int, count: Int) {
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    @inlinable public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { count }

    @inlinable public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "ColumnBuffer: index \(position) out of 0..<\(count)")
        return storage[offset &+ position]
    }

    /// The values at `range`, sharing this buffer's allocation.
    public func slice(_ range: Range<Int>) -> ColumnBuffer {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "ColumnBuffer: slice \(range) out of 0..<\(count)")
        return ColumnBuffer(storage: storage, offset: offset + range.lowerBound, count: range.count)
    }

    /// Calls `body` with a span over the values.
    @inlinable public func withSpan<Result>(_ body: (Span<Element>) throws -> Result) rethrows -> Result {
        try body(storage.span.extracting(offset ..< offset + count))
    }
}

extension ColumnBuffer: Equatable where Element: Equatable {
    public static func == (lhs: ColumnBuffer, rhs: ColumnBuffer) -> Bool { lhs.elementsEqual(rhs) }
}
