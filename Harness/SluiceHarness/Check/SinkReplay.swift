/// The sink table replayed from a history: each sink write applied in order, as the query's output mode
/// applies it.
enum SinkReplay {
    /// Applies `ledger`'s sink writes in order to an empty table of `layout`, calling `body` with each
    /// write and the table after it, until `body` returns false. Returns why a write could not be
    /// applied, if one could not.
    static func replay(_ ledger: RunLedger, layout: SinkLayout, _ body: (RunLedger.SinkWrite, SinkTable) -> Bool) -> CheckProblem? {
        var table = SinkTable(layout: layout)
        for write in ledger.sinkWrites {
            if let missing = write.missingFiles.first {
                return CheckProblem("batch \(write.batch): the sink row file '\(missing)' is missing")
            }
            do {
                try table.apply(batchRows: write.rows)
            } catch {
                return CheckProblem("batch \(write.batch): \(error)")
            }
            guard body(write, table) else { return nil }
        }
        return nil
    }

    /// The table after every write of `ledger`, or why it cannot be built.
    static func finalTable(_ ledger: RunLedger, layout: SinkLayout) -> Result<SinkTable, CheckProblem> {
        var final = SinkTable(layout: layout)
        if let problem = replay(ledger, layout: layout, { _, table in final = table; return true }) { return .failure(problem) }
        return .success(final)
    }
}
