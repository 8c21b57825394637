/// A chunk of rows that can say how many rows it holds, so that ingest counts rows as well as chunks.
public protocol RowCounted {
    /// The rows in this chunk.
    var rowCount: Int { get }
}

/// An array is a chunk whose elements are its rows.
extension Array: RowCounted {
    /// The array's count.
    public var rowCount: Int { count }
}
