import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct SQLErrorTests {
    let session: Session

    init() throws {
        session = Session()
        let schema = Schema([Field("action", .string), Field("n", .int64, nullable: true), Field("time", .timestamp)])
        try session.createDataFrame(rows: [], schema: schema).createOrReplaceTempView("events")
    }

    /// What `session.sql` throws for `text`, as printed.
    func error(_ text: String) -> String? {
        do {
            _ = try session.sql(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: [
        ("SELECT action, COUNT(*) FORM events", "SQL line 1, column 25: expected FROM, found 'FORM'"),
        ("SELECT a b c FROM t", "SQL line 1, column 10: expected FROM, found 'b'"),
        ("SELECT a, FROM t", "SQL line 1, column 11: expected an expression, found 'FROM'"),
        ("SELECT a FROM", "SQL line 1, column 14: expected a table or view name after FROM, found end of input"),
        ("SELECT a FROM t WHERE", "SQL line 1, column 22: expected an expression, found end of input"),
        ("SELECT a FROM t GROUP a", "SQL line 1, column 23: expected BY after GROUP, found 'a'"),
        ("SELECT a FROM t LIMIT ten", "SQL line 1, column 23: expected a row count after LIMIT, found 'ten'"),
        ("SELECT a FROM t ORDER BY a LIMIT 1 WHERE b", "SQL line 1, column 36: expected end of query, found 'WHERE'"),
        ("SELECT (a + b FROM t", "SQL line 1, column 15: expected ')' to close '(' at line 1, column 8, found 'FROM'"),
        ("SELECT a IS b FROM t", "SQL line 1, column 13: expected NULL after IS, found 'b'"),
        ("SELECT 9223372036854775808 FROM t", "SQL line 1, column 8: '9223372036854775808' is out of range for BIGINT"),
        ("SELECT TIMESTAMP '2016-13-01 00:00:00' FROM t",
         "SQL line 1, column 18: '2016-13-01 00:00:00' is not a timestamp; expected 'yyyy-MM-dd HH:mm:ss'"),
    ])
    func syntaxErrorNamesThePlace(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test(arguments: [
        ("SELECT foo(a) FROM t",
         "SQL line 1, column 8: unknown function 'foo'; known functions: avg, cast, count, explode, hour, max, min, session_window, sum, to_timestamp, window"),
        ("SELECT SUM(a, b) FROM t", "SQL line 1, column 8: SUM takes 1 argument, got 2"),
        ("SELECT WINDOW(time) FROM t", "SQL line 1, column 8: WINDOW takes 2 to 4 arguments (time, 'length'[, 'slide'[, 'start']]), got 1"),
        ("SELECT WINDOW(time, 60) FROM t", "SQL line 1, column 21: expected an interval string such as '10 minutes', found '60'"),
        ("SELECT WINDOW(time, '1 fortnight') FROM t",
         "SQL line 1, column 21: '1 fortnight' is not an interval; expected a count and a unit, such as '10 seconds', '1 minute', '2 hours', '1 day' or '500 milliseconds'"),
        ("SELECT CAST(a AS VARCHAR) FROM t", "SQL line 1, column 18: unknown type 'VARCHAR'; expected BIGINT, INT, DOUBLE, STRING, BOOLEAN or TIMESTAMP"),
        ("SELECT EXPLODE(value) FROM t", "SQL line 1, column 16: EXPLODE is supported only around SPLIT(text, 'separator')"),
    ])
    func functionErrorNamesTheCallOrArgument(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test(arguments: [
        ("SELECT DISTINCT a FROM t", "SQL line 1, column 8: DISTINCT is not supported; GROUP BY the selected columns instead"),
        ("SELECT COUNT(DISTINCT a) FROM t", "SQL line 1, column 14: COUNT(DISTINCT …) is not supported"),
        ("SELECT a FROM t JOIN u ON a", "SQL line 1, column 17: JOIN is not supported in SQL; join the DataFrames with join(_:on:) and register the result with createOrReplaceTempView"),
        ("SELECT a FROM t WHERE a NOT LIKE 'x%'", "SQL line 1, column 29: LIKE is not supported"),
    ])
    func unsupportedFeatureSaysSo(text: String, message: String) {
        #expect(error(text) == message)
    }

    @Test func positionsCountLinesAndColumns() {
        #expect(error("SELECT a,\n       b +\nFROM t") == "SQL line 3, column 1: expected an expression, found 'FROM'")
        #expect(error("SELECT a\n  -- a comment\n  FROM t\n WHERE 'open") == "SQL line 4, column 8: unterminated string: no closing '")
    }

    @Test func syntaxErrorsAreSQLSyntaxErrorValues() {
        #expect(throws: SQLSyntaxError(line: 1, column: 25, "expected FROM, found 'FORM'")) {
            try session.sql("SELECT action, COUNT(*) FORM events")
        }
    }

    @Test(arguments: [
        ("SELECT a FROM evnts", "SQL line 1, column 15: table or view not found: 'evnts'; known tables and views: [events]"),
        ("SELECT missing FROM events", "cannot resolve column 'missing' given input columns: [action, n, time]"),
        ("SELECT action + 1 FROM events", "cannot evaluate '(action + 1)': + needs numbers, got string and int64"),
        ("SELECT action FROM events WHERE n", "cannot evaluate 'n': a filter needs a boolean condition, got int64"),
        ("SELECT action, n FROM events GROUP BY action",
         "'n' in the select list is neither a GROUP BY expression nor inside an aggregate function; add it to GROUP BY or aggregate it, e.g. max(n)"),
        ("SELECT action, COUNT(*) FROM events",
         "'action' in the select list is neither a GROUP BY expression nor inside an aggregate function; add it to GROUP BY or aggregate it, e.g. max(action)"),
        ("SELECT action FROM events GROUP BY action HAVING n > 1",
         "'n' in HAVING is neither a GROUP BY expression nor inside an aggregate function; add it to GROUP BY or aggregate it, e.g. max(n)"),
        ("SELECT action, COUNT(*) FROM events GROUP BY action ORDER BY n",
         "'n' in ORDER BY is neither a GROUP BY expression nor inside an aggregate function; add it to GROUP BY or aggregate it, e.g. max(n)"),
        ("SELECT action FROM events WHERE COUNT(*) > 1", "aggregate functions are not allowed in WHERE: 'count(1)'; filter on aggregates with HAVING"),
        ("SELECT COUNT(*) FROM events GROUP BY COUNT(*)", "aggregate functions are not allowed in GROUP BY: 'count(1)'"),
        ("SELECT action FROM events GROUP BY 2", "GROUP BY position 2 is not in the select list, whose items are numbered 1 to 1"),
        ("SELECT action FROM events ORDER BY 0", "ORDER BY position 0 is not in the select list, whose items are numbered 1 to 1"),
        ("SELECT action FROM events ORDER BY COUNT(*)",
         "'count(1)' in ORDER BY needs a grouped query: add GROUP BY, or an aggregate to the select list"),
        ("SELECT WINDOW(time, '1 hour') FROM events",
         "a time window in the select list needs GROUP BY: group by the window and select it, e.g. SELECT WINDOW(time, '1 hour'), COUNT(*) … GROUP BY WINDOW(time, '1 hour')"),
        ("SELECT WINDOW(time, '1 hour') IS NULL FROM events GROUP BY WINDOW(time, '1 hour')",
         "'window(time, 3600.0 seconds, 3600.0 seconds)' in the select list is a window, which is two columns; select it on its own, or use `window.start` and `window.end`"),
        ("SELECT SUM(action) FROM events", "cannot evaluate 'sum(action)': sum needs numbers, got string"),
        ("SELECT COUNT(*) AS n, SUM(n) AS n FROM events", "the result has two columns named 'n'; give one of them another name with alias(_:)"),
        ("SELECT w, COUNT(*) FROM (SELECT EXPLODE(SPLIT(action, ' ')) AS w FROM events) GROUP BY w", nil),
        ("SELECT EXPLODE(SPLIT(action, ' ')) AS w, COUNT(*) FROM events GROUP BY w",
         "EXPLODE cannot be grouped on directly; explode in a subquery, e.g. SELECT word, COUNT(*) FROM (SELECT EXPLODE(SPLIT(value, ' ')) AS word FROM lines) GROUP BY word"),
    ])
    func analysisErrorIsThrownBySQL(text: String, message: String?) {
        #expect(error(text) == message)
    }

    @Test func analysisErrorsAreAnalysisErrorValues() {
        #expect(throws: AnalysisError("cannot resolve column 'missing' given input columns: [action, n, time]")) {
            try session.sql("SELECT missing FROM events")
        }
    }

    @Test func streamingRulesAreCheckedAtStart() throws {
        session.readStream.memory(schema: Schema([Field("action", .string)])).toDF().createOrReplaceTempView("actions")
        let counts = try session.sql("SELECT action, COUNT(*) FROM actions GROUP BY action")
        #expect(counts.isStreaming)
        #expect(throws: AnalysisError.self) { try counts.writeStream.outputMode(.append).queryName("counts").start(driving: .caller) }
        #expect(throws: AnalysisError("'memory' is a stream: queries on it must be started with writeStream, not collected")) {
            try counts.collect()
        }
    }
}
