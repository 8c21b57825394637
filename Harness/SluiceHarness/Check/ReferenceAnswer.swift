import SluiceOrders

/// A query whose right answer the checkers can compute from the input orders, in its sink table's
/// layout: the extension point for checking another query.
///
/// A conformance keeps an answer that grows as orders are added, so the checkers can follow a run's
/// input prefix by prefix without starting over; the order of `add` calls must not change the answer.
/// To check another query, add a type that folds orders through ``OrderReference`` (keeping whatever
/// it needs, such as per-client totals before a top-k) and list it in ``ReferenceQueries/all``.
public protocol ReferenceAnswer: Sendable {
    /// The query's name as the history's `sinkRows` lines and the job's `--query` spell it.
    static var query: String { get }
    /// Where the query's results sit in the sink.
    static var layout: SinkLayout { get }
    /// The answer over no orders.
    init()
    /// Takes `orders`, none of them added before, into the answer.
    mutating func add(_ orders: [Order])
    /// The answer over every order added, as the sink should hold it.
    var table: SinkTable { get }
}

extension ReferenceAnswer {
    /// The answer over `orders`.
    public static func answer(over orders: [Order]) -> SinkTable {
        var answer = Self()
        answer.add(orders)
        return answer.table
    }
}

/// The queries the checkers know, by name.
public enum ReferenceQueries {
    /// Every query with a reference answer.
    public static var all: [any ReferenceAnswer.Type] { [CountBuysReference.self, WindowedCountsReference.self] }

    /// The names of ``all``, for help texts and errors.
    public static var names: [String] { all.map { $0.query } }

    /// The query named `name`, nil if the checkers do not know it.
    public static func named(_ name: String) -> (any ReferenceAnswer.Type)? {
        all.first { $0.query == name }
    }
}
