import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct SelectPlannerTests {
    let session: Session
    static let minute: Int64 = 60_000_000

    init() throws {
        session = Session()
        let schema = Schema([Field("action", .string), Field("n", .int64, nullable: true), Field("time", .timestamp)])
        try session.createDataFrame(rows: [
            [.string("open"), .int64(1), .timestamp(5 * Self.minute)],
            [.string("close"), .int64(2), .timestamp(65 * Self.minute)],
            [.string("open"), .null, .timestamp(70 * Self.minute)],
            [.string("open"), .int64(4), .timestamp(125 * Self.minute)],
        ], schema: schema).createOrReplaceTempView("events")
    }

    func rows(_ text: String) throws -> [[Value]] { try session.sql(text).collect() }
    func columns(_ text: String) throws -> [String] { try session.sql(text).schema().fields.map(\.name) }

    // MARK: Without grouping

    @Test func starExpressionsAndWhere() throws {
        #expect(try columns("SELECT * FROM events") == ["action", "n", "time"])
        #expect(try columns("SELECT *, n * 2 AS twice FROM events") == ["action", "n", "time", "twice"])
        #expect(try rows("SELECT n * 2 + 1, n / 2 FROM events WHERE action = 'open' AND n IS NOT NULL")
            == [[.int64(3), .double(0.5)], [.int64(9), .double(2)]])
        #expect(try rows("SELECT action FROM events WHERE n IS NULL") == [[.string("open")]])
        #expect(try rows("SELECT n FROM events WHERE n BETWEEN 2 AND 4") == [[.int64(2)], [.int64(4)]])
        #expect(try rows("SELECT n FROM events WHERE n IN (1, 4) OR action <> 'open'") == [[.int64(1)], [.int64(2)], [.int64(4)]])
        #expect(try rows("SELECT n % 3, -n FROM events WHERE NOT n >= 2") == [[.int64(1), .int64(-1)]])
    }

    @Test func literalsAndFunctions() throws {
        #expect(try rows("SELECT 'it''s', TRUE, NULL, 1.5, TIMESTAMP '1970-01-01 00:01:00' FROM events LIMIT 1")
            == [[.string("it's"), .bool(true), .null, .double(1.5), .timestamp(Self.minute)]])
        #expect(try rows("SELECT HOUR(time), CAST(n AS DOUBLE), CAST('7' AS INT) FROM events LIMIT 1") == [[.int64(0), .double(1), .int64(7)]])
        #expect(try rows("SELECT HOUR(TO_TIMESTAMP('2016-03-22 20:25:28')) FROM events LIMIT 1") == [[.int64(20)]])
    }

    @Test func selectStarIsTheInputItself() throws {
        guard case .source = try session.sql("SELECT * FROM events").plan else {
            Issue.record("SELECT * should add no projection")
            return
        }
    }

    @Test func orderByOutputsPositionsAndColumnsNotSelected() throws {
        #expect(try rows("SELECT n AS m FROM events WHERE n IS NOT NULL ORDER BY m DESC") == [[.int64(4)], [.int64(2)], [.int64(1)]])
        #expect(try rows("SELECT action, n FROM events ORDER BY 2 DESC, 1") == [[.string("open"), .int64(4)], [.string("close"), .int64(2)],
                                                                           [.string("open"), .int64(1)], [.string("open"), .null]])
        #expect(try rows("SELECT action FROM events ORDER BY time DESC") == [[.string("open")], [.string("open")], [.string("close")], [.string("open")]])
        #expect(try columns("SELECT action FROM events ORDER BY time DESC") == ["action"], "the sort column is projected away")
        #expect(try rows("SELECT n * 10 AS m FROM events ORDER BY m + n DESC LIMIT 2") == [[.int64(40)], [.int64(20)]], "an alias inside an expression")
        #expect(try rows("SELECT n FROM events ORDER BY n * 2 DESC LIMIT 1") == [[.int64(4)]])
        #expect(try rows("SELECT n FROM events LIMIT 0").isEmpty)
    }

    // MARK: Grouping

    @Test func groupingInTheSelectListsOrderIsTheBareAggregate() throws {
        guard case .aggregate(.source, let keys, let aggregates) = try session.sql("SELECT action, COUNT(*) FROM events GROUP BY action").plan else {
            Issue.record("expected the aggregate node alone")
            return
        }
        #expect(keys == [.column("action")])
        #expect(aggregates == [.aggregate(.count, nil)])
    }

    @Test func aReorderedOrRepeatingSelectListIsAProjectionOverTheAggregate() throws {
        let reordered = try session.sql("SELECT COUNT(*), action, action AS again FROM events GROUP BY action")
        guard case .project(.aggregate(_, let keys, _), _) = reordered.plan else {
            Issue.record("expected a projection over the aggregate, got \(reordered.plan)")
            return
        }
        #expect(keys == [.column("action")])
        #expect(try reordered.schema().fields.map(\.name) == ["count(1)", "action", "again"])
        #expect(try rows("SELECT COUNT(*), action, action AS again FROM events GROUP BY action ORDER BY action")
            == [[.int64(1), .string("close"), .string("close")], [.int64(3), .string("open"), .string("open")]])
    }

    @Test func aliasesOfKeysAndAggregatesNameTheAggregatesColumns() throws {
        let frame = try session.sql("SELECT action AS kind, SUM(n) AS total FROM events GROUP BY action")
        guard case .aggregate(_, let keys, let aggregates) = frame.plan else {
            Issue.record("expected the aggregate node alone, got \(frame.plan)")
            return
        }
        #expect(keys == [.alias(.column("action"), "kind")])
        #expect(aggregates == [.alias(.aggregate(.sum, .column("n")), "total")])
    }

    @Test func expressionsOverKeysAndAggregates() throws {
        #expect(try rows("SELECT action, SUM(n) / COUNT(n) AS mean, MAX(n) - MIN(n) FROM events GROUP BY action ORDER BY action")
            == [[.string("close"), .double(2), .int64(0)], [.string("open"), .double(2.5), .int64(3)]])
        #expect(try columns("SELECT action, MAX(n) - MIN(n) FROM events GROUP BY action") == ["action", "(max(n) - min(n))"])
        #expect(try rows("SELECT n + 1, COUNT(*) FROM events GROUP BY n + 1 ORDER BY 1") == [
            [.null, .int64(1)], [.int64(2), .int64(1)], [.int64(3), .int64(1)], [.int64(5), .int64(1)],
        ])
        #expect(try rows("SELECT action = 'open', COUNT(*) FROM events GROUP BY action ORDER BY 2") == [[.bool(false), .int64(1)], [.bool(true), .int64(3)]])
    }

    @Test func groupByPositionsAndAliases() throws {
        let expected: [[Value]] = [[.int64(0), .int64(1)], [.int64(1), .int64(2)], [.int64(2), .int64(1)]]
        #expect(try rows("SELECT HOUR(time) AS h, COUNT(*) FROM events GROUP BY 1 ORDER BY h") == expected)
        #expect(try rows("SELECT HOUR(time) AS h, COUNT(*) FROM events GROUP BY h ORDER BY h") == expected)
        #expect(try rows("SELECT HOUR(time) AS h, COUNT(*) FROM events GROUP BY HOUR(time) ORDER BY h") == expected)
    }

    @Test func globalAggregates() throws {
        #expect(try rows("SELECT COUNT(*), COUNT(n), SUM(n), AVG(n), MIN(time), MAX(action) FROM events")
            == [[.int64(4), .int64(3), .int64(7), .double(7.0 / 3.0), .timestamp(5 * Self.minute), .string("open")]])
        #expect(try rows("SELECT COUNT(*), SUM(n) FROM events WHERE n > 100") == [[.int64(0), .null]])
    }

    @Test func havingFiltersGroupsOnAggregatesSelectedOrNot() throws {
        #expect(try rows("SELECT action FROM events GROUP BY action HAVING COUNT(*) > 1") == [[.string("open")]])
        #expect(try rows("SELECT action, SUM(n) AS total FROM events GROUP BY action HAVING total < 5") == [[.string("close"), .int64(2)]])
    }

    @Test func orderByAnAggregateThatIsNotSelected() throws {
        #expect(try rows("SELECT action FROM events GROUP BY action ORDER BY COUNT(*) DESC") == [[.string("open")], [.string("close")]])
        #expect(try rows("SELECT action, COUNT(*) AS c FROM events GROUP BY action ORDER BY COUNT(*)") == [[.string("close"), .int64(1)], [.string("open"), .int64(3)]])
    }

    @Test func windowsAsKeys() throws {
        let hour = 60 * Self.minute
        #expect(try rows("SELECT WINDOW(time, '1 hour') AS w, COUNT(*) FROM events GROUP BY w ORDER BY `w.start`")
            == [[.timestamp(0), .timestamp(hour), .int64(1)], [.timestamp(hour), .timestamp(2 * hour), .int64(2)],
                [.timestamp(2 * hour), .timestamp(3 * hour), .int64(1)]])
        #expect(try columns("SELECT WINDOW(time, '1 hour') AS w, COUNT(*) FROM events GROUP BY WINDOW(time, '1 hour')") == ["w.start", "w.end", "count(1)"])
        #expect(try rows("SELECT `window.end`, COUNT(*) FROM events GROUP BY WINDOW(time, '30 minutes', '15 minutes', '5 minutes') ORDER BY 1 LIMIT 2")
            == [[.timestamp(20 * Self.minute), .int64(1)], [.timestamp(35 * Self.minute), .int64(1)]])
        #expect(try rows("SELECT COUNT(*) FROM events GROUP BY WINDOW(time, '2 hours') ORDER BY WINDOW(time, '2 hours')") == [[.int64(3)], [.int64(1)]])
    }

    @Test func subqueries() throws {
        #expect(try rows("SELECT h FROM (SELECT HOUR(time) AS h FROM events) WHERE h > 0 ORDER BY h DESC") == [[.int64(2)], [.int64(1)], [.int64(1)]])
        #expect(try rows("SELECT MAX(c) FROM (SELECT action, COUNT(*) AS c FROM events GROUP BY action) AS counts") == [[.int64(3)]])
    }
}
