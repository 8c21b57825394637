import SluiceCore
import SluiceOrders
import Testing
@testable import SluiceStructured

/// The same query written with the DataFrame API and in SQL gives the same columns and rows, over the
/// lecture's generated orders.
@Suite struct SQLEquivalenceTests {
    static let orders: [RecordBatch] = {
        let generated = OrderGenerator.generate(.init(count: 5_000, seed: 11))
        return [OrderParser().decode(generated.text, source: "orders", firstLine: 1).batch]
    }()

    /// One query in both forms, and whether its rows come in a defined order.
    struct Equivalence: Sendable, CustomTestStringConvertible {
        let name: String
        let sql: String
        let frame: @Sendable (DataFrame) -> DataFrame
        let isOrdered: Bool

        init(_ name: String, _ sql: String, _ frame: @escaping @Sendable (DataFrame) -> DataFrame, _ isOrdered: Bool) {
            (self.name, self.sql, self.frame, self.isOrdered) = (name, sql, frame, isOrdered)
        }

        var testDescription: String { name }
    }

    static let queries: [Equivalence] = [
        Equivalence("counts and sums of buys by symbol",
         "SELECT symbol, COUNT(*), SUM(amount), AVG(price) FROM orders WHERE buy GROUP BY symbol",
         { $0.filter(col("buy")).groupBy("symbol").agg(count("*"), sum(col("amount")), avg(col("price"))) }, false),
        Equivalence("buys and sells per sliding hour",
         "SELECT buy, WINDOW(time, '1 hour', '5 minutes'), COUNT(*) FROM orders GROUP BY buy, WINDOW(time, '1 hour', '5 minutes')",
         { $0.groupBy(col("buy"), window(col("time"), .hours(1), slide: .minutes(5))).agg(count("*")) }, false),
        Equivalence("top clients by volume",
         "SELECT clientId, SUM(amount * price) AS volume FROM orders GROUP BY clientId ORDER BY volume DESC, clientId LIMIT 5",
         { $0.groupBy("clientId").agg(sum(col("amount") * col("price")).alias("volume")).orderBy(col("volume").desc(), col("clientId").asc()).limit(5) },
         true),
        Equivalence("large orders, computed columns",
         "SELECT orderId, amount * price AS total, HOUR(time) AS h FROM orders WHERE amount > 50 AND NOT buy ORDER BY orderId",
         { $0.filter(col("amount") > 50 && !col("buy")).select(col("orderId"), (col("amount") * col("price")).alias("total"), hour(col("time")).alias("h"))
             .orderBy(col("orderId").asc()) }, true),
        Equivalence("price range per hour of the day",
         "SELECT HOUR(time) AS h, MIN(price), MAX(price) FROM orders GROUP BY HOUR(time)",
         { $0.groupBy(hour(col("time")).alias("h")).agg(min(col("price")), max(col("price"))) }, false),
        Equivalence("busy symbols",
         "SELECT symbol, COUNT(*) AS n FROM orders GROUP BY symbol HAVING COUNT(*) > 100",
         { $0.groupBy("symbol").agg(count("*").alias("n")).filter(col("n") > 100) }, false),
        Equivalence("sessions per client",
         "SELECT clientId, SESSION_WINDOW(time, '5 minutes') AS s, COUNT(*) AS orders, SUM(amount) FROM orders GROUP BY clientId, SESSION_WINDOW(time, '5 minutes')",
         { $0.groupBy(col("clientId"), session_window(col("time"), .minutes(5)).alias("s")).agg(count("*").alias("orders"), sum(col("amount"))) }, false),
        Equivalence("casts",
         "SELECT CAST(price AS BIGINT) AS p, CAST(buy AS STRING) AS b, CAST(time AS BIGINT) AS t FROM orders WHERE orderId < 20",
         { $0.filter(col("orderId") < 20).select(col("price").cast(.int64).alias("p"), col("buy").cast(.string).alias("b"), col("time").cast(.int64).alias("t")) },
         false),
        Equivalence("all columns, sorted, limited",
         "SELECT * FROM orders ORDER BY price DESC, orderId LIMIT 7",
         { $0.orderBy(col("price").desc(), col("orderId").asc()).limit(7) }, true),
    ]

    func sorted(_ rows: [[Value]]) -> [[Value]] { rows.sorted { $0.lexicographicallyPrecedes($1) } }

    @Test(arguments: queries)
    func sqlAndDataFrameAgree(query: Equivalence) throws {
        let session = Session()
        let orders = session.createDataFrame(Self.orders, name: "orders")
        orders.createOrReplaceTempView("orders")
        let sql = try session.sql(query.sql)
        let frame = query.frame(orders)
        #expect(try sql.schema() == frame.schema(), "\(query.name)")
        let sqlRows = try sql.collect()
        let frameRows = try frame.collect()
        #expect(!frameRows.isEmpty, "\(query.name) should have rows to compare")
        #expect(query.isOrdered ? sqlRows == frameRows : sorted(sqlRows) == sorted(frameRows), "\(query.name)")
    }

    @Test func wordCountThroughASubquery() throws {
        let session = Session()
        let lines = try session.createDataFrame(rows: [[.string("to be or")], [.string("not to be")]], schema: Schema([Field("value", .string)]))
        lines.createOrReplaceTempView("lines")
        let sql = try session.sql("SELECT word, COUNT(*) AS count FROM (SELECT EXPLODE(SPLIT(value, ' ')) AS word FROM lines) GROUP BY word ORDER BY count DESC, word")
        let frame = lines.select(explode(split(col("value"), " ")).alias("word")).groupBy("word").count().orderBy(col("count").desc(), col("word").asc())
        #expect(try sql.collect() == frame.collect())
        #expect(try sql.collect().first == [.string("be"), .int64(2)])
    }
}
