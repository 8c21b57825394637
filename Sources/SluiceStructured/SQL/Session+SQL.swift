import SluiceCore

extension Session {
    /// The DataFrame of one SQL query over the session's temporary views and memory tables (a view
    /// first, when both have the name); a query over a view of a stream is a streaming DataFrame, to
    /// start with `writeStream`. The plan is the one the DataFrame API builds for the same query.
    ///
    ///     SELECT item, … FROM name | (SELECT …) [WHERE condition] [GROUP BY expression, …]
    ///         [HAVING condition] [ORDER BY expression [ASC | DESC], …] [LIMIT count]
    ///
    /// Items are `*` or expressions with an optional `[AS] alias`. Expressions: columns (`` `back-quoted` ``
    /// when needed), literals (`42`, `1.5`, `'it''s'`, `TRUE`, `NULL`, `TIMESTAMP '2016-03-22 20:25:28'`),
    /// `+ - * / %`, `= != <> < <= > >=`, `AND OR NOT`, `IS [NOT] NULL`, `[NOT] BETWEEN`, `[NOT] IN (…)`,
    /// `CAST(x AS type)`, `COUNT(*)`, `COUNT SUM AVG MIN MAX`, `HOUR`, `TO_TIMESTAMP`,
    /// `WINDOW(time, '1 hour'[, '5 minutes'[, 'start']])`, `SESSION_WINDOW(time, 'gap')`,
    /// `EXPLODE(SPLIT(text, ' '))`. Keywords are case-insensitive, names are not. `GROUP BY` and
    /// `ORDER BY` accept select-list positions and aliases; `HAVING` filters the groups.
    ///
    /// Errors are thrown here, before anything runs:
    /// - `SQLSyntaxError` when the text does not parse, naming the line, the column and the token
    ///   (`SQL line 1, column 25: expected FROM, found 'FORM'`);
    /// - `AnalysisError` when it parses but cannot run: an unknown table or column, a type mismatch, a
    ///   column neither grouped nor aggregated.
    ///
    /// The rules that depend on how a streaming query runs (output mode, watermark) are checked by
    /// `start()`. A memory table is read as it is when `sql` is called.
    public func sql(_ text: String) throws -> DataFrame {
        let statement = try SQLParser.parse(text)
        let plan = try SelectPlanner(session: self).plan(statement)
        _ = try Analyzer.schema(of: plan)
        return DataFrame(session: self, plan: plan)
    }
}
