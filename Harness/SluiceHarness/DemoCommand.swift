import ArgumentParser
import Foundation
import SluiceCore
import SluiceOrders

/// The README's first command: the lecture's count-buys over the generated orders, batch by batch.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Generate the lecture's orders and run count-buys over them, printing each batch.",
        discussion: """
        Generates the orders into a temporary directory, splits them into files of --lines lines (the \
        lecture's splitAndSend), and runs the micro-batch driver with an available-now trigger over a \
        directory source, one file per batch, parsing each file straight into columns. Each batch \
        prints its buy and sell counts under Spark's header and its metrics; the end prints the totals.
        """
    )

    @Option(help: "Orders to generate, at least 1.")
    var count = 500_000

    @Option(help: "Seed of the order generator.")
    var seed: UInt64 = 1

    @Option(help: "Lines per file, hence per batch, at least 1.")
    var lines = 10_000

    @Option(help: "Fraction of malformed lines, from 0 to 1.")
    var malformed = 0.001

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1, got \(count)") }
        guard lines >= 1 else { throw ValidationError("--lines must be at least 1, got \(lines)") }
        guard (0 ... 1).contains(malformed) else { throw ValidationError("--malformed must be between 0 and 1, got \(malformed)") }
    }

    func run() throws {
        let started = ContinuousClock.now
        let totals = try countBuys()
        totals.printSummary(elapsed: ContinuousClock.now - started)
    }

    /// Generates, splits and runs count-buys; returns what the batches counted.
    func countBuys() throws -> DemoTotals {
        let workspace = NSTemporaryDirectory() + "sluice-demo-" + UUID().uuidString
        let input = workspace + "/input"
        try FileManager.default.createDirectory(atPath: input, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: workspace) }
        let configuration = OrderGenerator.Configuration(count: count, seed: seed, malformedFraction: malformed)
        _ = try OrderGenerator.write(configuration, toFileAt: workspace + "/orders.txt")
        _ = try OrderSplitter(.init(linesPerFile: lines, pace: .zero)).split(inputAt: workspace + "/orders.txt", into: input)

        let source = DirectoryInput(directory: input, decoder: OrderParser(), maximumFilesPerCut: 1, includeExistingFiles: true)
        let totals = DemoTotals()
        let driver = MicroBatchDriver(trigger: .availableNow, clock: SystemClock(), inputs: [source]) { batch in
            let counts = batch.inputs[0].chunks.map(BuySellCounts.init(counting:)).reduce(BuySellCounts(), +)
            totals.add(counts, printing: batch)
        }
        driver.addListener(totals)
        try driver.start()
        try driver.runDueBatches()
        return totals
    }
}
