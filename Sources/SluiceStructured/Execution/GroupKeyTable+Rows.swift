import SluiceCore

extension GroupKeyTable {
    /// The key values of `groups` as columns, one row per group in that order.
    func keyColumns(groups: [Int]) -> [ColumnVector] {
        (0 ..< keyCount).map { position in Self.column(of: groups.map { key(of: $0)[position] }) }
    }

    /// The key values of `groups` as a batch with columns `k0, k1, …`.
    func keyRows(groups: [Int]) -> RecordBatch {
        let columns = keyColumns(groups: groups)
        let schema = Schema(columns.enumerated().map { Field("k\($0.offset)", $0.element.dataType, nullable: true) })
        return (try? RecordBatch(schema: schema, columns: columns)) ?? .empty(schema)
    }
}
