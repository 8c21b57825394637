import Benchmark
import BenchmarkSupport
import SluiceCore
import SluiceOrders

let benchmarks: @Sendable () -> Void = {
    BenchmarkSettings.apply()
    let orders = LectureOrders.batch()
    let rows = BenchmarkSettings.work(rows: orders.rowCount)
    guard case .int64(let clientIds) = orders.column(named: "clientId"),
          case .int64(let amounts) = orders.column(named: "amount"),
          case .double(let prices) = orders.column(named: "price")
    else { preconditionFailure("GroupByBenchmarks: not an order batch: \(orders.schema)") }

    Benchmark("group-by/assign-groups", configuration: .init(tags: rows)) { benchmark in
        for _ in benchmark.scaledIterations {
            var index = Int64GroupIndex()
            var groups = ContiguousArray<Int32>()
            index.assignGroups(clientIds.values, into: &groups)
            blackHole(groups)
        }
    }

    var index = Int64GroupIndex()
    var groups = ContiguousArray<Int32>()
    index.assignGroups(clientIds.values, into: &groups)
    let values = PrimitiveColumn(zip(amounts.values, prices.values).lazy.map { Double($0) * $1 })
    Benchmark("group-by/sum-per-group", configuration: .init(tags: rows)) { [groups] benchmark in
        for _ in benchmark.scaledIterations {
            var totals = ContiguousArray<Double>()
            GroupedAggregates.sum(values, groups: groups, into: &totals)
            blackHole(totals)
        }
    }

    // The same values with every 100th row null, so the sum takes its validity-checking path.
    var nullable = PrimitiveColumnBuilder<Double>(capacity: values.count)
    for row in values.values.indices {
        if row % 100 == 99 { nullable.appendNull() } else { nullable.append(values.values[row]) }
    }
    let nullableValues = nullable.finish()
    Benchmark("group-by/sum-per-group-nullable", configuration: .init(tags: rows)) { [groups] benchmark in
        for _ in benchmark.scaledIterations {
            var totals = ContiguousArray<Double>()
            GroupedAggregates.sum(nullableValues, groups: groups, into: &totals)
            blackHole(totals)
        }
    }

    Benchmark("filter/price-above-50", configuration: .init(tags: rows)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(prices.select(.greater, 50)) }
    }

    Benchmark("count-buys", configuration: .init(tags: rows)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(BuySellCounts(counting: orders)) }
    }

    Benchmark("count-buys+top5-clients", configuration: .init(tags: rows)) { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BuySellCounts(counting: orders))
            var totals = ClientTotals()
            totals.add(orders)
            blackHole(totals.top(5))
        }
    }
}
