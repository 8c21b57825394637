/// The hash of each row over one or more key columns: what partitioning and hash joins key on.
///
/// Equal keys hash equally across batches even when their string columns use different dictionaries,
/// because a string's hash is its bytes' hash, stored in the dictionary, not its code.
public enum RowHashes {
    /// One hash per row of `columns` (all of the same length).
    public static func compute(_ columns: [ColumnVector]) -> ContiguousArray<UInt64> {
        let rowCount = columns.first?.count ?? 0
        var hashes = ContiguousArray<UInt64>(repeating: 0, count: rowCount)
        for column in columns {
            precondition(column.count == rowCount, "RowHashes: columns of \(column.count) and \(rowCount) rows")
            combine(column, into: &hashes)
        }
        return hashes
    }

    private static func combine(_ column: ColumnVector, into hashes: inout ContiguousArray<UInt64>) {
        var valueHashes = ContiguousArray<UInt64>(repeating: 0, count: hashes.count)
        switch column {
        case .int64(let column), .timestamp(let column):
            column.values.withSpan { values in
                for row in values.indices { valueHashes[row] = HashMixing.mix(UInt64(bitPattern: values[row])) }
            }
        case .double(let column):
            column.values.withSpan { values in
                for row in values.indices { valueHashes[row] = HashMixing.hash(values[row]) }
            }
        case .bool(let column):
            column.values.withSpan { values in
                for row in values.indices { valueHashes[row] = HashMixing.mix(values[row] ? 1 : 0) }
            }
        case .string(let column):
            let entryHashes = column.dictionary.hashes
            column.codes.withSpan { codes in
                for row in codes.indices { valueHashes[row] = entryHashes[Int(codes[row])] }
            }
        }
        if let validity = column.validity {
            for row in 0 ..< validity.count where !validity.isValid(row) { valueHashes[row] = HashMixing.null }
        }
        for row in hashes.indices { hashes[row] = HashMixing.combine(hashes[row], valueHashes[row]) }
    }
}
