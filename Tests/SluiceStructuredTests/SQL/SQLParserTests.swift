import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct SQLParserTests {
    func parse(_ text: String) throws -> Expression { try SQLParser.parseExpression(text) }
    func statement(_ text: String) throws -> SelectStatement { try SQLParser.parse(text) }

    func column(_ name: String) -> Expression { .column(name) }
    func integer(_ value: Int64) -> Expression { .literal(.int64(value)) }
    func binary(_ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression) -> Expression { .binary(op, lhs, rhs) }

    // MARK: Precedence

    @Test func precedenceFromOrDownToUnary() throws {
        #expect(try parse("a OR b AND NOT c = d + e * -f") == binary(.or, column("a"), binary(.and, column("b"), .not(
            binary(.equal, column("c"), binary(.add, column("d"), binary(.multiply, column("e"), binary(.subtract, integer(0), column("f")))))))))
        #expect(try parse("NOT a = b") == .not(binary(.equal, column("a"), column("b"))), "NOT binds looser than a comparison")
        #expect(try parse("a = b OR c") == binary(.or, binary(.equal, column("a"), column("b")), column("c")))
        #expect(try parse("a < b + 1") == binary(.less, column("a"), binary(.add, column("b"), integer(1))))
    }

    @Test func binaryOperatorsAssociateToTheLeft() throws {
        #expect(try parse("a - b - c") == binary(.subtract, binary(.subtract, column("a"), column("b")), column("c")))
        #expect(try parse("a / b % c * d") == binary(.multiply, binary(.remainder, binary(.divide, column("a"), column("b")), column("c")), column("d")))
        #expect(try parse("a AND b AND c") == binary(.and, binary(.and, column("a"), column("b")), column("c")))
    }

    @Test func parenthesesOverridePrecedence() throws {
        #expect(try parse("(a + b) * c") == binary(.multiply, binary(.add, column("a"), column("b")), column("c")))
        #expect(try parse("NOT (a OR b)") == .not(binary(.or, column("a"), column("b"))))
        #expect(try parse("((a))") == column("a"))
    }

    @Test func signsFoldIntoNumbers() throws {
        #expect(try parse("-5") == integer(-5))
        #expect(try parse("-1.5") == .literal(.double(-1.5)))
        #expect(try parse("+7") == integer(7))
        #expect(try parse("-9223372036854775808") == integer(.min))
        #expect(try parse("- -2") == binary(.subtract, integer(0), integer(-2)))
        #expect(try parse("-a") == binary(.subtract, integer(0), column("a")))
        #expect(try parse("1 - -2") == binary(.subtract, integer(1), integer(-2)))
    }

    @Test(arguments: [("=", BinaryOperator.equal), ("==", .equal), ("!=", .notEqual), ("<>", .notEqual), ("<", .less),
                      ("<=", .lessOrEqual), (">", .greater), (">=", .greaterOrEqual)])
    func comparisonOperator(spelling: String, op: BinaryOperator) throws {
        #expect(try parse("a \(spelling) 1") == binary(op, column("a"), integer(1)))
    }

    @Test func nullTests() throws {
        #expect(try parse("a IS NULL") == .isNull(column("a")))
        #expect(try parse("a + 1 is not null") == .not(.isNull(binary(.add, column("a"), integer(1)))))
        #expect(try parse("a IS NULL AND b IS NOT NULL") == binary(.and, .isNull(column("a")), .not(.isNull(column("b")))))
    }

    @Test func betweenAndInBecomeComparisons() throws {
        #expect(try parse("a BETWEEN 1 AND 2 + 3") == binary(.and, binary(.greaterOrEqual, column("a"), integer(1)),
                                                            binary(.lessOrEqual, column("a"), binary(.add, integer(2), integer(3)))))
        #expect(try parse("a NOT BETWEEN 1 AND 2") == .not(binary(.and, binary(.greaterOrEqual, column("a"), integer(1)),
                                                                 binary(.lessOrEqual, column("a"), integer(2)))))
        #expect(try parse("action IN ('login', 'logout')") == binary(.or, binary(.equal, column("action"), .literal(.string("login"))),
                                                                     binary(.equal, column("action"), .literal(.string("logout")))))
        #expect(try parse("a NOT IN (1)") == .not(binary(.equal, column("a"), integer(1))))
    }

    // MARK: Literals and names

    @Test func literals() throws {
        #expect(try parse("42") == integer(42))
        #expect(try parse("0.25") == .literal(.double(0.25)))
        #expect(try parse("1e3") == .literal(.double(1000)))
        #expect(try parse("'it''s'") == .literal(.string("it's")))
        #expect(try parse("TRUE") == .literal(.bool(true)))
        #expect(try parse("false") == .literal(.bool(false)))
        #expect(try parse("NULL") == .literal(.null))
        let time = Timestamp(year: 2016, month: 3, day: 22, hour: 20, minute: 25, second: 28).microseconds
        #expect(try parse("TIMESTAMP '2016-03-22 20:25:28'") == .literal(.timestamp(time)))
        #expect(try parse("timestamp '2016-03-22'") == .literal(.timestamp(Timestamp(year: 2016, month: 3, day: 22).microseconds)))
        #expect(try parse("timestamp") == column("timestamp"), "without a string after it, timestamp is a column")
        #expect(try parse("`timestamp`") == column("timestamp"))
    }

    @Test func namesPlainBackQuotedAndDotted() throws {
        #expect(try parse("action") == column("action"))
        #expect(try parse("`window.start`") == column("window.start"))
        #expect(try parse("window.start") == column("window.start"))
        #expect(try parse("`select` + `a b`") == binary(.add, column("select"), column("a b")))
        #expect(try parse("count") == column("count"), "function names are columns when no parenthesis follows")
    }

    // MARK: Functions

    @Test func aggregates() throws {
        #expect(try parse("COUNT(*)") == .aggregate(.count, nil))
        #expect(try parse("count(x)") == .aggregate(.count, column("x")))
        #expect(try parse("Sum(x * 2)") == .aggregate(.sum, binary(.multiply, column("x"), integer(2))))
        #expect(try parse("AVG(x)") == .aggregate(.avg, column("x")))
        #expect(try parse("min(x)") == .aggregate(.min, column("x")))
        #expect(try parse("MAX(x)") == .aggregate(.max, column("x")))
        #expect(try parse("sum(count)") == .aggregate(.sum, column("count")))
        #expect(try parse("SUM(x) / COUNT(*)") == binary(.divide, .aggregate(.sum, column("x")), .aggregate(.count, nil)))
    }

    @Test func scalarFunctions() throws {
        #expect(try parse("HOUR(time)") == .hour(column("time")))
        #expect(try parse("to_timestamp(text)") == .toTimestamp(column("text")))
        #expect(try parse("EXPLODE(SPLIT(value, ' '))") == .explodeSplit(column("value"), separator: " "))
    }

    @Test(arguments: [("BIGINT", DataType.int64), ("INT", .int64), ("integer", .int64), ("long", .int64), ("DOUBLE", .double),
                      ("STRING", .string), ("Boolean", .bool), ("TIMESTAMP", .timestamp)])
    func castTo(typeName: String, type: DataType) throws {
        #expect(try parse("CAST(a + 1 AS \(typeName))") == .cast(binary(.add, column("a"), integer(1)), type))
    }

    @Test func windows() throws {
        #expect(try parse("WINDOW(time, '1 hour')") == .window(column("time"), length: .hours(1), slide: .hours(1), start: .zero))
        #expect(try parse("window(time, '10 minutes', '5 minutes')") == .window(column("time"), length: .minutes(10), slide: .minutes(5), start: .zero))
        #expect(try parse("window(time, '1 day', '1 hour', '15 minutes')") == .window(column("time"), length: .seconds(86_400), slide: .hours(1), start: .minutes(15)))
        #expect(try parse("SESSION_WINDOW(time, '30 seconds')") == .sessionWindow(column("time"), gap: .seconds(30)))
    }

    @Test(arguments: [("10 seconds", Duration.seconds(10)), ("1 minute", .minutes(1)), ("2 hours", .hours(2)), ("1 day", .seconds(86_400)),
                      ("500 milliseconds", .milliseconds(500)), ("250 microseconds", .microseconds(250)), ("1 week", .seconds(604_800)),
                      ("1 hour 30 minutes", .minutes(90)), ("interval 5 SECONDS", .seconds(5)), ("  3   second ", .seconds(3))])
    func intervalString(text: String, duration: Duration) {
        #expect(SQLInterval.duration(text) == duration)
    }

    @Test(arguments: ["", "hour", "1", "1 fortnight", "-1 hour", "1.5 hours", "1 month", "1 hour 30"])
    func notAnIntervalString(text: String) {
        #expect(SQLInterval.duration(text) == nil)
    }

    // MARK: Clauses

    @Test func selectItemsWithAliasesAndStar() throws {
        let parsed = try statement("SELECT *, a AS x, b y, c + 1 `z z`, COUNT(*) AS count FROM events")
        #expect(parsed.items == [
            .allColumns, .expression(.alias(column("a"), "x")), .expression(.alias(column("b"), "y")),
            .expression(.alias(binary(.add, column("c"), integer(1)), "z z")), .expression(.alias(.aggregate(.count, nil), "count")),
        ])
        #expect(parsed.source == .table("events", at: SQLPosition(line: 1, column: 60)))
    }

    @Test func everyClause() throws {
        let parsed = try statement("""
            select action, count(*) as n from events where time >= timestamp '2016-03-22 00:00:00'
            group by action, 2 having count(*) > 1 order by n desc, action asc, 1 limit 10;
            """)
        #expect(parsed.condition == binary(.greaterOrEqual, column("time"), .literal(.timestamp(Timestamp(year: 2016, month: 3, day: 22).microseconds))))
        #expect(parsed.groupBy == [column("action"), integer(2)])
        #expect(parsed.having == binary(.greater, .aggregate(.count, nil), integer(1)))
        #expect(parsed.orderBy == [SortKey(column("n"), ascending: false), SortKey(column("action"), ascending: true), SortKey(integer(1), ascending: true)])
        #expect(parsed.limit == 10)
    }

    @Test func optionalClausesAreAbsent() throws {
        let parsed = try statement("SELECT a FROM t")
        #expect(parsed == SelectStatement(items: [.expression(column("a"))], source: .table("t", at: SQLPosition(line: 1, column: 15))))
    }

    @Test func subqueryInFrom() throws {
        let parsed = try statement("SELECT word, COUNT(*) FROM (SELECT EXPLODE(SPLIT(value, ' ')) AS word FROM lines) AS words GROUP BY word")
        let inner = SelectStatement(items: [.expression(.alias(.explodeSplit(column("value"), separator: " "), "word"))],
                                    source: .table("lines", at: SQLPosition(line: 1, column: 76)))
        #expect(parsed.source == .subquery(inner))
        #expect(try statement("SELECT a FROM (SELECT a FROM t) sub").source
            == .subquery(SelectStatement(items: [.expression(column("a"))], source: .table("t", at: SQLPosition(line: 1, column: 30)))))
    }

    @Test func theLecturesQueriesParse() throws {
        let windowed = try statement("SELECT action, WINDOW(time, '1 hour'), COUNT(*) FROM events GROUP BY action, WINDOW(time, '1 hour')")
        let window = Expression.window(column("time"), length: .hours(1), slide: .hours(1), start: .zero)
        #expect(windowed.items == [.expression(column("action")), .expression(window), .expression(.aggregate(.count, nil))])
        #expect(windowed.groupBy == [column("action"), window])
        let total = try statement("SELECT sum(count) FROM counts WHERE action = 'login'")
        #expect(total.items == [.expression(.aggregate(.sum, column("count")))])
        #expect(total.condition == binary(.equal, column("action"), .literal(.string("login"))))
    }
}
