/// Appends fixed-width values (and nulls) into a growing contiguous buffer.
public struct PrimitiveColumnBuilder<Element: BitwiseCopyable & Sendable>: Sendable {
    @usableFromInline var values: ContiguousArray<Element> = []
    @usableFromInline var validity: ValidityBitmapBuilder?
    @usableFromInline let placeholder: Element

    /// Creates a builder; `placeholder` is stored in the value slot of a null row.
    public init(capacity: Int = 0, placeholder: Element) {
        values.reserveCapacity(capacity)
        self.placeholder = placeholder
    }

    public var count: Int { values.count }

    /// Appends a value.
    @inlinable public mutating func append(_ value: Element) {
        values.append(value)
        validity?.append(true)
    }

    /// Appends a null; the first null starts the validity bitmap.
    public mutating func appendNull() {
        if validity == nil {
            var bitmap = ValidityBitmapBuilder(capacity: values.capacity)
            bitmap.appendValid(count: values.count)
            validity = bitmap
        }
        values.append(placeholder)
        validity!.append(false)
    }

    /// The finished column; the builder may be reused after `removeAll()`.
    public func finish() -> PrimitiveColumn<Element> {
        PrimitiveColumn(ColumnBuffer(values), validity: validity?.finish())
    }

    /// Empties the builder, keeping its capacity.
    public mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        validity = nil
    }
}

extension PrimitiveColumnBuilder where Element: Numeric {
    public init(capacity: Int = 0) { self.init(capacity: capacity, placeholder: 0) }
}

extension PrimitiveColumnBuilder where Element == Bool {
    public init(capacity: Int = 0) { self.init(capacity: capacity, placeholder: false) }
}

/// Appends strings into a dictionary-encoded column.
public struct StringColumnBuilder: Sendable {
    @usableFromInline var codes: PrimitiveColumnBuilder<Int32>
    @usableFromInline var dictionary: StringDictionaryBuilder

    /// Creates a builder; with `deduplicating: false` each row gets its own dictionary entry, which suits
    /// free text such as lines from a socket better than hashing every line.
    public init(capacity: Int = 0, deduplicating: Bool = true) {
        codes = PrimitiveColumnBuilder(capacity: capacity)
        dictionary = StringDictionaryBuilder(deduplicating: deduplicating)
    }

    public var count: Int { codes.count }

    /// Appends the string whose UTF-8 bytes are `utf8`.
    public mutating func append(utf8: Span<UInt8>) {
        codes.append(dictionary.intern(utf8))
    }

    /// Appends `string`.
    public mutating func append(_ string: String) {
        codes.append(dictionary.intern(string))
    }

    /// Appends a null.
    public mutating func appendNull() { codes.appendNull() }

    public func finish() -> StringColumn {
        let built = codes.finish()
        return StringColumn(codes: built.values, dictionary: dictionary.finish(), validity: built.validity)
    }
}
