import Foundation
import SluiceCore
import SluiceDStream
import SluiceOrders
import Testing
@testable import SluiceExamples

/// The lecture's order programs run end to end: generated orders, split into files moved into a watched
/// directory one batch at a time, against the reference answers of `SluiceOrders`.
@Suite struct OrderExamplesTests {
    static let orderCount = ProcessInfo.processInfo.environment["SLUICE_E2E_ORDERS"].flatMap(Int.init) ?? 500_000
    static let linesPerFile = 10_000

    /// A scratch folder with the generated input, the watched directory and the output folder.
    struct Workspace {
        let root = NSTemporaryDirectory() + "sluice-order-examples-" + UUID().uuidString
        var input: String { root + "/orders.txt" }
        var watched: String { root + "/input" }
        var outputPrefix: String { root + "/output/output" }

        func create() throws {
            try FileManager.default.createDirectory(atPath: watched, withIntermediateDirectories: true)
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }

        /// The lines of `part-00000` of each output directory, in batch order.
        func outputs() throws -> [[String]] {
            let folder = root + "/output"
            let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("output-") }
            return try names.sorted { Int64($0.dropFirst(7).dropLast(4))! < Int64($1.dropFirst(7).dropLast(4))! }.map { name in
                try String(contentsOfFile: "\(folder)/\(name)/part-00000", encoding: .utf8)
                    .split(separator: "\n").map(String.init)
            }
        }
    }

    static let configuration = OrderGenerator.Configuration(count: orderCount, seed: 63, malformedFraction: 0.001)

    /// Runs `define` over the generated orders, one split file per batch; returns the valid orders of each file.
    func run(in workspace: Workspace, checkpoint: Bool = false,
             _ define: (DStream<Order>, String) throws -> Void) throws -> [[Order]] {
        try workspace.create()
        let generated = OrderGenerator.generate(Self.configuration)
        _ = try OrderGenerator.write(Self.configuration, toFileAt: workspace.input)
        let clock = ManualClock()
        let context = StreamingContext(batchInterval: .seconds(5), clock: clock, parallelism: 2)
        if checkpoint { context.checkpoint(directory: workspace.root + "/checkpoint") }
        try define(OrderStreams.fileStream(context, directory: workspace.watched), workspace.outputPrefix)
        try context.start(driving: .caller)
        let splitter = OrderSplitter(.init(linesPerFile: Self.linesPerFile, pace: .zero)) { _ in }
        _ = try splitter.split(inputAt: workspace.input, into: workspace.watched) { _ in
            clock.advance(by: .seconds(5))
            _ = try? context.runDueBatches()
        }
        context.stop()
        #expect(context.recentBatches.count == Self.orderCount / Self.linesPerFile)
        let malformed = Set(generated.malformedLines.map(\.lineNumber))
        var files: [[Order]] = []
        var valid = generated.orders.makeIterator()
        for file in 0 ..< Self.orderCount / Self.linesPerFile {
            let lines = file * Self.linesPerFile + 1 ... (file + 1) * Self.linesPerFile
            files.append(lines.filter { !malformed.contains($0) }.map { _ in valid.next()! })
        }
        return files
    }

    func countLines(_ counts: BuySellCounts) -> [String] {
        ["(\(counts.sells > 0 ? "false" : "true"), \(counts.sells > 0 ? counts.sells : counts.buys))"]
            + (counts.sells > 0 && counts.buys > 0 ? ["(true, \(counts.buys))"] : [])
    }

    @Test func countBuysMatchesTheReferencePerBatch() throws {
        let workspace = Workspace()
        defer { workspace.remove() }
        let files = try run(in: workspace) { orders, output in CountBuys.define(orders: orders, outputPrefix: output) }
        let expected = files.map { countLines(OrderReference.buySellCounts($0)) }
        #expect(try workspace.outputs() == expected)
    }

    @Test func topClientsMatchesTheReferenceOverEveryPrefix() throws {
        let workspace = Workspace()
        defer { workspace.remove() }
        let files = try run(in: workspace, checkpoint: true) { orders, output in TopClients.define(orders: orders, outputPrefix: output) }
        let outputs = try workspace.outputs()
        #expect(outputs.count == files.count)
        var prefix: [Order] = []
        for (batch, file) in files.enumerated() {
            prefix += file
            let counts = OrderReference.buySellCounts(file)
            let top = OrderReference.topClients(prefix).map { String($0.clientId) }
            #expect(outputs[batch] == ["(SELLS, [\(counts.sells)])", "(BUYS, [\(counts.buys)])", "(TOP5CLIENTS, [\(top.joined(separator: ", "))])"],
                    "batch \(batch)")
        }
    }

    @Test func windowsOperationsTopStocksCoverTheLastHourOfBatches() throws {
        let workspace = Workspace()
        defer { workspace.remove() }
        let files = try run(in: workspace) { orders, output in try WindowsOperations.define(orders: orders, outputPrefix: output) }
        let outputs = try workspace.outputs()
        var amounts: [String: Int64] = [:]
        for (batch, file) in files.enumerated() {
            for order in file { amounts[order.symbol, default: 0] += order.amount }
            let top = amounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(5).map(\.key)
            #expect(outputs[batch].last == "(TOP5STOCKS, [\(top.joined(separator: ", "))])", "batch \(batch)")
        }
    }
}
