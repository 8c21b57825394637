/// The typed column builders of a batch being decoded, and the cells of the row being decoded.
///
/// A decoder stages a row's cells one by one, in any order, and commits the row once every cell has
/// decoded; a record that turns out malformed half-way is dropped with `discardRow()` and leaves nothing
/// in the columns. Scalars are staged as bit patterns, strings as byte ranges of the input or, when they
/// had to be unescaped, of `scratch`.
struct StagedColumnsBuilder {
    /// A staged cell.
    enum Cell {
        /// No value was given (a JSON key that is missing).
        case absent
        /// An explicit null (an empty CSV field, a JSON `null`).
        case null
        /// An `Int64` (also a timestamp's microseconds), a `Double` or a `Bool` (0 or 1), as bits.
        case scalar(UInt64)
        /// A string whose UTF-8 bytes are this range of the input.
        case inputText(Range<Int>)
        /// A string whose UTF-8 bytes are this range of `scratch`.
        case scratchText(Range<Int>)
    }

    let schema: Schema
    private(set) var rowCount = 0
    private var cells: [Cell]
    /// Bytes of unescaped strings of the current row.
    var scratch: [UInt8] = []
    private var int64s: [PrimitiveColumnBuilder<Int64>] = []
    private var doubles: [PrimitiveColumnBuilder<Double>] = []
    private var bools: [PrimitiveColumnBuilder<Bool>] = []
    private var strings: [StringColumnBuilder] = []
    /// For each column, which builder array holds it and where.
    private var slots: [(type: DataType, index: Int)] = []
    /// The columns that may not be null.
    private let nonNullableColumns: [Int]

    init(schema: Schema, capacity: Int) {
        self.schema = schema
        cells = Array(repeating: .absent, count: schema.count)
        nonNullableColumns = schema.fields.indices.filter { !schema.fields[$0].isNullable }
        for field in schema.fields {
            switch field.type {
            case .int64, .timestamp:
                slots.append((field.type, int64s.count))
                int64s.append(PrimitiveColumnBuilder(capacity: capacity))
            case .double:
                slots.append((field.type, doubles.count))
                doubles.append(PrimitiveColumnBuilder(capacity: capacity))
            case .bool:
                slots.append((field.type, bools.count))
                bools.append(PrimitiveColumnBuilder(capacity: capacity))
            case .string:
                slots.append((field.type, strings.count))
                strings.append(StringColumnBuilder(capacity: capacity))
            }
        }
    }

    /// Stages `cell` as column `column`'s value in the current row (a later cell for the same column wins).
    @inline(__always) mutating func stage(_ cell: Cell, column: Int) {
        cells[column] = cell
    }

    /// Appends the staged row, whose input ranges are of `input`; fails, leaving the columns as they
    /// were, if a non-nullable column is null or absent. The cells stay staged: a decoder that does not
    /// stage every column of every row calls `discardRow()` before each row.
    mutating func commitRow(input: Span<UInt8>) throws(MalformedRecord) {
        for column in nonNullableColumns {
            switch cells[column] {
            case .absent: throw .missingNonNullableField(schema.fields[column].name)
            case .null: throw .nullInNonNullableField(schema.fields[column].name)
            default: continue
            }
        }
        for column in cells.indices {
            let slot = slots[column]
            switch cells[column] {
            case .absent, .null:
                appendNull(slot)
            case .scalar(let bits):
                switch slot.type {
                case .int64, .timestamp: int64s[slot.index].append(Int64(bitPattern: bits))
                case .double: doubles[slot.index].append(Double(bitPattern: bits))
                case .bool: bools[slot.index].append(bits != 0)
                case .string: preconditionFailure("a scalar staged in string column \(column)")
                }
            case .inputText(let range):
                strings[slot.index].append(utf8: input.extracting(range))
            case .scratchText(let range):
                let bytes = scratch
                strings[slot.index].append(utf8: bytes.span.extracting(range))
            }
        }
        rowCount += 1
        if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
    }

    /// Forgets the staged row: every cell is absent again.
    mutating func discardRow() {
        for column in cells.indices { cells[column] = .absent }
        if !scratch.isEmpty { scratch.removeAll(keepingCapacity: true) }
    }

    /// The batch of every committed row.
    func finish() -> RecordBatch {
        let columns: [ColumnVector] = slots.map { slot in
            switch slot.type {
            case .int64: .int64(int64s[slot.index].finish())
            case .timestamp: .timestamp(int64s[slot.index].finish())
            case .double: .double(doubles[slot.index].finish())
            case .bool: .bool(bools[slot.index].finish())
            case .string: .string(strings[slot.index].finish())
            }
        }
        return RecordBatch(validated: schema, columns: columns, rowCount: rowCount)
    }

    private mutating func appendNull(_ slot: (type: DataType, index: Int)) {
        switch slot.type {
        case .int64, .timestamp: int64s[slot.index].appendNull()
        case .double: doubles[slot.index].appendNull()
        case .bool: bools[slot.index].appendNull()
        case .string: strings[slot.index].appendNull()
        }
    }
}
