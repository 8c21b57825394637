import Benchmark
import BenchmarkSupport
import SluiceOrders

let benchmarks: @Sendable () -> Void = {
    BenchmarkSettings.apply()
    let text = LectureOrders.text()
    Benchmark("parse-orders", configuration: .init(tags: BenchmarkSettings.work(bytes: text.count))) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(OrderParser().parse(text, source: "orders.txt")) }
    }
}
