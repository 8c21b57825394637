import Benchmark

/// What every Swift benchmark shares: its measurement settings and how it names its work.
public enum BenchmarkSettings {
    /// Wall clock (whose median `run` reports), throughput (which the JMH export requires) and mallocs per
    /// iteration; a few warm-up iterations, then up to 2 s or 10,000 iterations.
    public static func apply() {
        Benchmark.defaultConfiguration.metrics = [.wallClock, .throughput, .mallocCountTotal]
        Benchmark.defaultConfiguration.warmupIterations = 3
        Benchmark.defaultConfiguration.maxDuration = .seconds(2)
        Benchmark.defaultConfiguration.maxIterations = 10_000
    }

    /// Tags saying that one iteration handles `rows` rows; they become part of the benchmark's name,
    /// `name (rows: N)`, which is how `run` turns a median time into rows per second.
    public static func work(rows: Int) -> [String: String] { ["rows": String(rows)] }

    /// Tags saying that one iteration reads `bytes` bytes, for figures in MB/s.
    public static func work(bytes: Int) -> [String: String] { ["bytes": String(bytes)] }
}
