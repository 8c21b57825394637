// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Sluice",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SluiceCore", targets: ["SluiceCore"]),
        .library(name: "SluiceOrders", targets: ["SluiceOrders"]),
        .library(name: "SluiceDStream", targets: ["SluiceDStream"]),
        .library(name: "SluiceStructured", targets: ["SluiceStructured"]),
        .library(name: "SluiceTesting", targets: ["SluiceTesting"]),
        .library(name: "SluiceSQLite", targets: ["SluiceSQLite"]),
        .library(name: "SluicePostgres", targets: ["SluicePostgres"]),
        .executable(name: "sluice-harness", targets: ["sluice-harness"]),
        .executable(name: "sluice-job", targets: ["sluice-job"]),
        .executable(name: "sluice-job-system-malloc", targets: ["sluice-job-system-malloc"]),
        .executable(name: "network-wordcount", targets: ["network-wordcount"]),
        .executable(name: "stateful-network-wordcount", targets: ["stateful-network-wordcount"]),
        .executable(name: "count-buys", targets: ["count-buys"]),
        .executable(name: "top-clients", targets: ["top-clients"]),
        .executable(name: "windows-operations", targets: ["windows-operations"]),
        .executable(name: "structured-wordcount", targets: ["structured-wordcount"]),
        .executable(name: "windowed-order-counts", targets: ["windowed-order-counts"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "SluiceCore"),
        .target(name: "SluiceOrders", dependencies: ["SluiceCore"]),
        .target(name: "SluiceDStream", dependencies: ["SluiceCore"]),
        .target(name: "SluiceStructured", dependencies: ["SluiceCore"]),
        .target(name: "SluiceTesting"),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "SluiceSQLite", dependencies: ["SluiceCore", "SluiceStructured", "CSQLite"]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(name: "SluicePostgres", dependencies: ["SluiceCore", "SluiceStructured", "CLibPQ"]),
        .target(
            name: "SluiceHarness",
            dependencies: [
                "SluiceCore", "SluiceOrders", "SluiceJobs", "SluiceSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Harness/SluiceHarness"
        ),
        .executableTarget(name: "sluice-harness", dependencies: ["SluiceHarness"], path: "Harness/sluice-harness"),
        .target(
            name: "SluiceJobs",
            dependencies: [
                "SluiceCore", "SluiceStructured", "SluiceDStream", "SluiceOrders", "SluiceSQLite", "SluicePostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Harness/SluiceJobs"
        ),
        .systemLibrary(name: "CJemalloc", pkgConfig: "jemalloc", providers: [.apt(["libjemalloc-dev"])]),
        .executableTarget(name: "sluice-job", dependencies: ["SluiceJobs", "CJemalloc"], path: "Harness/sluice-job"),
        .executableTarget(name: "sluice-job-system-malloc", dependencies: ["SluiceJobs"], path: "Harness/sluice-job-system-malloc"),
        .target(name: "SluiceExamples", dependencies: ["SluiceDStream", "SluiceStructured", "SluiceOrders"], path: "Examples/SluiceExamples"),
        .executableTarget(name: "network-wordcount", dependencies: ["SluiceExamples"], path: "Examples/network-wordcount"),
        .executableTarget(name: "stateful-network-wordcount", dependencies: ["SluiceExamples"], path: "Examples/stateful-network-wordcount"),
        .executableTarget(name: "count-buys", dependencies: ["SluiceExamples"], path: "Examples/count-buys"),
        .executableTarget(name: "top-clients", dependencies: ["SluiceExamples"], path: "Examples/top-clients"),
        .executableTarget(name: "windows-operations", dependencies: ["SluiceExamples"], path: "Examples/windows-operations"),
        .executableTarget(name: "structured-wordcount", dependencies: ["SluiceExamples"], path: "Examples/structured-wordcount"),
        .executableTarget(name: "windowed-order-counts", dependencies: ["SluiceExamples"], path: "Examples/windowed-order-counts"),
        .testTarget(name: "SluiceCoreTests", dependencies: ["SluiceCore", "SluiceTesting"]),
        .testTarget(name: "SluiceOrdersTests", dependencies: ["SluiceOrders"]),
        .testTarget(name: "SluiceSQLiteTests", dependencies: ["SluiceSQLite", "SluiceTesting"]),
        .testTarget(name: "SluiceJobsTests", dependencies: ["SluiceJobs", "SluiceSQLite", "SluicePostgres", "SluiceOrders"]),
        .testTarget(name: "SluicePostgresTests", dependencies: ["SluicePostgres", "SluiceTesting"]),
        .testTarget(name: "SluiceDStreamTests", dependencies: ["SluiceDStream", "SluiceTesting"]),
        .testTarget(name: "SluiceExamplesTests", dependencies: ["SluiceExamples"]),
        .testTarget(name: "SluiceStructuredTests", dependencies: ["SluiceStructured", "SluiceOrders", "SluiceTesting"]),
        .testTarget(
            name: "SluiceHarnessTests",
            dependencies: [
                "SluiceHarness", "SluiceOrders", "SluiceTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
