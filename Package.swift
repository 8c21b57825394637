// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Sluice",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "SluiceCore", targets: ["SluiceCore"]),
        .library(name: "SluiceOrders", targets: ["SluiceOrders"]),
        .library(name: "SluiceDStream", targets: ["SluiceDStream"]),
        .executable(name: "sluice-harness", targets: ["sluice-harness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "SluiceCore"),
        .target(name: "SluiceOrders", dependencies: ["SluiceCore"]),
        .target(name: "SluiceDStream", dependencies: ["SluiceCore"]),
        .target(
            name: "SluiceHarness",
            dependencies: [
                "SluiceCore", "SluiceOrders",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Harness/SluiceHarness"
        ),
        .executableTarget(name: "sluice-harness", dependencies: ["SluiceHarness"], path: "Harness/sluice-harness"),
        .testTarget(name: "SluiceCoreTests", dependencies: ["SluiceCore"]),
        .testTarget(name: "SluiceOrdersTests", dependencies: ["SluiceOrders"]),
        .testTarget(name: "SluiceDStreamTests", dependencies: ["SluiceDStream"]),
        .testTarget(
            name: "SluiceHarnessTests",
            dependencies: [
                "SluiceHarness", "SluiceOrders",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
