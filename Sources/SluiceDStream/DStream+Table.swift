import SluiceCore

extension DStream {
    /// Writes each batch's elements to `table`, each element as one row of `schema` made by `row`, in
    /// one transaction tagged with the batch's id: the exactly-once output of a DStream program.
    ///
    /// A batch that runs again after a crash (its offsets were written, its commit was not) reads exactly
    /// the same data and keeps its id, so the table recognises it and does not write it twice; the
    /// checkpoint keeps batch ids going across restarts, so it is required. Give each table one
    /// `saveToTable`: a second output writing the same batch id to the same table would be skipped.
    @inlinable public func saveToTable(_ table: any TransactionalTable, schema: Schema, mode: TableWriteMode = .append,
                                       row: @escaping @Sendable (Element) -> [Value]) {
        context.graph.requireCheckpoint(for: "saveToTable", because: "numbers batches across restarts for the table to recognise a batch run again")
        context.graph.addOutput(.init(stream: self) { [self] batch, time in
            guard let rdd = try self.rdd(at: time) else { return }
            let rows = try rdd.pool.map(rdd.partitions) { elements throws(BatchError) in
                try RecordBatch(schema: schema, rows: elements.map(row))
            }
            try table.write(batch: batch, rows: rows.filter { $0.rowCount > 0 }, schema: schema, mode: mode)
        })
    }
}
