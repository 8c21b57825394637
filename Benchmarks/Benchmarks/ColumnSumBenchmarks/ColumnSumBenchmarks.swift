import Benchmark
import BenchmarkSupport
import SluiceCore

let benchmarks: @Sendable () -> Void = {
    BenchmarkSettings.apply()
    let rows = BenchmarkSettings.work(rows: ColumnValues.count)

    let doubles = ColumnValues.doubles()
    Benchmark("column-sum/double", configuration: .init(tags: rows)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(doubles.sum()) }
    }

    let integers = ColumnValues.integers()
    Benchmark("column-sum/int64", configuration: .init(tags: rows)) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(integers.sum()) }
    }
}
