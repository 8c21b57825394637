/// A column of fixed-width values (integers, doubles, booleans, timestamps) with optional nulls.
public struct PrimitiveColumn<Element: BitwiseCopyable & Sendable>: Sendable {
    /// The values; a null row holds an unspecified value.
    public let values: ColumnBuffer<Element>
    /// Which rows hold values; nil when none is null.
    public let validity: ValidityBitmap?

    public init(_ values: ColumnBuffer<Element>, validity: ValidityBitmap? = nil) {
        precondition(validity == nil || validity!.count == values.count,
                     "PrimitiveColumn: \(validity!.count) validity bits for \(values.count) values")
        self.values = values
        self.validity = validity
    }

    /// A column holding `values`, none null.
    public init(_ values: some Sequence<Element>) {
        self.init(ColumnBuffer(values))
    }

    public var count: Int { values.count }

    /// Whether row `row` is null.
    @inlinable public func isNull(_ row: Int) -> Bool { validity.map { !$0.isValid(row) } ?? false }

    /// Rows `range`, sharing storage.
    public func slice(_ range: Range<Int>) -> PrimitiveColumn {
        PrimitiveColumn(values.slice(range), validity: validity?.slice(range))
    }
}

/// A dictionary-encoded string column: one 32-bit code per row into a shared dictionary.
public struct StringColumn: Sendable {
    public let codes: ColumnBuffer<Int32>
    public let dictionary: StringDictionary
    /// Which rows hold values; nil when none is null.
    public let validity: ValidityBitmap?

    public init(codes: ColumnBuffer<Int32>, dictionary: StringDictionary, validity: ValidityBitmap? = nil) {
        precondition(validity == nil || validity!.count == codes.count,
                     "StringColumn: \(validity!.count) validity bits for \(codes.count) codes")
        self.codes = codes
        self.dictionary = dictionary
        self.validity = validity
    }

    /// A column holding `strings`, deduplicated into a fresh dictionary.
    public init(_ strings: some Sequence<String>) {
        var builder = StringColumnBuilder()
        for string in strings { builder.append(string) }
        self = builder.finish()
    }

    public var count: Int { codes.count }

    /// Whether row `row` is null.
    @inlinable public func isNull(_ row: Int) -> Bool { validity.map { !$0.isValid(row) } ?? false }

    /// The string at `row` (for display and tests; kernels work on codes).
    public func string(at row: Int) -> String { dictionary.string(at: codes[row]) }

    /// Rows `range`, sharing codes and dictionary.
    public func slice(_ range: Range<Int>) -> StringColumn {
        StringColumn(codes: codes.slice(range), dictionary: dictionary, validity: validity?.slice(range))
    }
}
