extension ColumnBuffer {
    /// The values at the rows `selection` names, in its order.
    public func gather(_ selection: SelectionVector) -> ColumnBuffer {
        var gathered = ContiguousArray<Element>()
        gathered.reserveCapacity(selection.count)
        withSpan { values in
            selection.withSpan { rows in
                for index in rows.indices { gathered.append(values[Int(rows[index])]) }
            }
        }
        return ColumnBuffer(gathered)
    }
}

extension PrimitiveColumn {
    /// The rows `selection` names, in its order.
    public func gather(_ selection: SelectionVector) -> PrimitiveColumn {
        PrimitiveColumn(values.gather(selection), validity: validity?.gather(selection))
    }
}

extension StringColumn {
    /// The rows `selection` names, in its order; the dictionary is shared, not copied.
    public func gather(_ selection: SelectionVector) -> StringColumn {
        StringColumn(codes: codes.gather(selection), dictionary: dictionary, validity: validity?.gather(selection))
    }
}

extension ColumnVector {
    /// The rows `selection` names, in its order.
    public func gather(_ selection: SelectionVector) -> ColumnVector {
        switch self {
        case .int64(let column): .int64(column.gather(selection))
        case .timestamp(let column): .timestamp(column.gather(selection))
        case .double(let column): .double(column.gather(selection))
        case .bool(let column): .bool(column.gather(selection))
        case .string(let column): .string(column.gather(selection))
        }
    }
}
