// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so that `swift test` at the root never builds the benchmark tool.
// Swift benchmarks (ordo-one/benchmark, found by `swift package benchmark` under `Benchmarks/<Name>/`)
// stand beside `sluice-reference-kernels`, C++ versions of the same loops timed with Google Benchmark.
// `./run` builds both in release and prints one table.

let benchmarkDependencies: [Target.Dependency] = [
    "BenchmarkSupport",
    .product(name: "SluiceCore", package: "Sluice"),
    .product(name: "SluiceOrders", package: "Sluice"),
    .product(name: "Benchmark", package: "benchmark"),
]

func benchmarkTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: benchmarkDependencies,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "SluiceBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        // Named, because a path dependency's identity is otherwise its folder's name (`wt-bench` here,
        // something else in CI's clone), and the products below must name the package the same everywhere.
        .package(name: "Sluice", path: ".."),
        // The MallocInterposer trait replaces the default traits; without it SwiftPM looks for
        // swift-runtime-interposer, which has no mirror here (see shared/swift-stack.md).
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(
            name: "BenchmarkSupport",
            dependencies: [
                .product(name: "SluiceCore", package: "Sluice"),
                .product(name: "SluiceOrders", package: "Sluice"),
                .product(name: "Benchmark", package: "benchmark"),
            ]
        ),
        benchmarkTarget("ColumnSumBenchmarks"),
        benchmarkTarget("GroupByBenchmarks"),
        benchmarkTarget("IngestRingBenchmarks"),
        benchmarkTarget("OrderParserBenchmarks"),
        .executableTarget(
            name: "sluice-engine-benchmarks",
            dependencies: [
                .product(name: "SluiceCore", package: "Sluice"),
                .product(name: "SluiceOrders", package: "Sluice"),
                .product(name: "SluiceDStream", package: "Sluice"),
                .product(name: "SluiceStructured", package: "Sluice"),
                .product(name: "SluiceSQLite", package: "Sluice"),
            ]
        ),
        .executableTarget(
            name: "sluice-orders-file",
            dependencies: [.product(name: "SluiceOrders", package: "Sluice")]
        ),
        .executableTarget(
            name: "sluice-reference-kernels",
            cxxSettings: [.define("NDEBUG"), .unsafeFlags(["-O3"])],
            linkerSettings: [.linkedLibrary("benchmark"), .linkedLibrary("pthread")]
        ),
    ],
    cxxLanguageStandard: .cxx17
)
