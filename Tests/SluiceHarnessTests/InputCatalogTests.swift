import SluiceCore
import Testing
@testable import SluiceHarness

@Suite struct InputCatalogTests {
    static let workload = HistoryEvent.Workload(count: 400, seed: 11, malformedFraction: 0.05)
    static let orders = WorkloadOrders(workload)

    static func produced(_ first: Int64, _ last: Int64, records: Int64, producer: String? = nil, file: String? = nil) -> HistoryEvent.Produced {
        HistoryEvent.Produced(records: records, firstOrder: first, lastOrder: last, scheduledStart: 0, scheduledEnd: 0, file: file, producer: producer)
    }

    @Test func aProducerCountingOnlyWellFormedOrdersIsCoveredToItsLastTakenOrder() throws {
        let lines = OrderIDRanges([1 ... 100])
        let wellFormed = Self.orders.wellFormed(in: lines)
        try #require(wellFormed.count < 100, "the seed gives malformed lines among the first 100")
        let catalog = InputCatalog(produced: [Self.produced(1, 100, records: wellFormed.count, producer: "p0")], orders: Self.orders)
        let tenth = Self.orders.orders(in: lines)[9].orderId
        let coverage = try catalog.coverage(through: BatchID(0), offsets: [BatchID(0): ["in": #"{"p0":10}"#]], orders: Self.orders).get()
        #expect(coverage.covered == OrderIDRanges([1 ... tenth]))
        #expect(Self.orders.wellFormedCount(in: coverage.covered) == 10)
    }

    @Test func aProducerCountingEveryLineIsCoveredLineByLine() throws {
        let catalog = InputCatalog(produced: [Self.produced(1, 50, records: 50, producer: "p0"), Self.produced(51, 100, records: 50, producer: "p0")], orders: Self.orders)
        let coverage = try catalog.coverage(through: BatchID(0), offsets: [BatchID(0): ["in": #"{"p0":70}"#]], orders: Self.orders).get()
        #expect(coverage.covered == OrderIDRanges([1 ... 70]))
    }

    @Test(arguments: [
        (#"{"p0":70}"#, "source 'in': producer 'p0' took 70 records, but the produced lines give it 50"),
        (#"{"p9":1}"#, "source 'in': producer 'p9' took 1 records, but the produced lines give it 0"),
        (#"{"files":["x"],"index":1}"#, "source 'in': file 'x' was read but no usable produced line names it"),
        (#"{"files":["a"],"index":2}"#, "source 'in': no offsetsWritten line through batch 0 gives its cut 1, so the files that cut read are unknown"),
    ])
    func namesOffsetsItCannotMap(offset: String, problem: String) {
        let catalog = InputCatalog(produced: [Self.produced(1, 50, records: 50, producer: "p0"), Self.produced(51, 60, records: 10, file: "a")], orders: Self.orders)
        let result = catalog.coverage(through: BatchID(0), offsets: [BatchID(0): ["in": offset]], orders: Self.orders)
        #expect(throws: CheckProblem(problem)) { try result.get() }
    }

    @Test func namesProducedLinesItCannotUse() {
        let catalog = InputCatalog(produced: [Self.produced(1, 50, records: 7, producer: "p0"), Self.produced(390, 410, records: 21, file: "a")], orders: Self.orders)
        #expect(catalog.problems["p0"]?.hasPrefix("producer p0: 7 records for orderId 1..50, neither its 50 lines nor its well-formed orders") == true)
        #expect(catalog.problems["a"] == "a: orderId 390..410 is not within the workload's 1..400")
    }
}
