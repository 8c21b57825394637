/// Ascending (or caller-ordered) row indices of a batch: the rows a filter kept, or the rows to gather.
///
/// Operators pass a batch plus a selection vector instead of copying the surviving rows at every step;
/// `RecordBatch.gather` materializes them when an operator needs contiguous rows.
public struct SelectionVector: Sendable, RandomAccessCollection, Equatable {
    public let indices: ColumnBuffer<Int32>

    public init(_ indices: ColumnBuffer<Int32>) { self.indices = indices }

    /// Selects the rows `indices`.
    public init(_ indices: some Sequence<Int32>) { self.indices = ColumnBuffer(indices) }

    /// Selects every row of a batch of `rowCount` rows.
    public static func all(_ rowCount: Int) -> SelectionVector {
        SelectionVector(ColumnBuffer(ContiguousArray((0 ..< Int32(rowCount)))))
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { indices.count }
    public subscript(position: Int) -> Int32 { indices[position] }

    /// Calls `body` with a span over the indices.
    @inlinable public func withSpan<Result>(_ body: (Span<Int32>) throws -> Result) rethrows -> Result {
        try indices.withSpan(body)
    }
}
