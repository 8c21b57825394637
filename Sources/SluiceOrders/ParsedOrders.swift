import SluiceCore

/// What `OrderParser` made of some order text.
public struct ParsedOrders: Sendable {
    /// The orders as a batch with `OrderSchema.schema`, the number of lines seen, the number of malformed
    /// lines and the first few of them named by source, line and reason.
    public var records: DecodedRecords
    /// The number of every malformed line, ascending.
    public var malformedLineNumbers: [Int]

    /// Creates a parse result.
    public init(records: DecodedRecords, malformedLineNumbers: [Int]) {
        self.records = records
        self.malformedLineNumbers = malformedLineNumbers
    }
}
