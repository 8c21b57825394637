import Foundation
import SluiceCore
import SluiceDStream
import SluiceOrders
import SluiceStructured

// End-to-end figures of the two APIs over the lecture's workload, each the median of several runs, on a
// manual clock so that only the engine's work is timed. Printed, never asserted.
//
//   sluice-engine-benchmarks              every figure
//   sluice-engine-benchmarks checkpoint   only the groups whose name (dstream, structured, checkpoint;
//                                         checkpoint-windowed, checkpoint-state, checkpoint-restart
//                                         within checkpoint) contains the argument

/// Whether the figures of `group` run: all of them without an argument, else those it names.
func runs(_ group: String) -> Bool {
    CommandLine.arguments.dropFirst().first.map { group.contains($0) } ?? true
}

/// The median, in milliseconds, of `runs` timings of `body`.
func medianMilliseconds(runs: Int = 7, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0 ..< runs {
        let start = ContinuousClock.now
        try body()
        let elapsed = (ContinuousClock.now - start).components
        times.append(Double(elapsed.seconds) * 1000 + Double(elapsed.attoseconds) / 1e15)
    }
    return times.sorted()[runs / 2]
}

func line(_ name: String, _ value: Double, _ unit: String, _ target: String) {
    print(name.padding(toLength: 66, withPad: " ", startingAt: 0) + String(format: "%10.2f", value) + "  " +
          unit.padding(toLength: 16, withPad: " ", startingAt: 0) + target)
}

/// The 500k orders as 50 parsed batches of 10,000.
func parsedOrderBatches() -> [RecordBatch] {
    let text = OrderGenerator.generate(.init(count: 500_000, seed: 1)).text
    var batches: [RecordBatch] = []
    var start = 0
    var lines = 0
    for (index, byte) in text.enumerated() where byte == UInt8(ascii: "\n") {
        lines += 1
        if lines % 10_000 == 0 {
            batches.append(OrderParser().decode(Array(text[start ... index]), source: "orders", firstLine: lines - 9_999).batch)
            start = index + 1
        }
    }
    return batches
}

/// top-clients as the lecture writes it (updateStateByKey, sort, top 5, union with buy/sell counts).
func topClients(_ batches: [RecordBatch]) throws {
    let clock = ManualClock()
    let context = StreamingContext(batchInterval: .seconds(1), clock: clock)
    context.checkpoint(directory: NSTemporaryDirectory() + "sluice-bench-" + UUID().uuidString)
    let queue = QueueInput(schema: OrderSchema.schema)
    let orders = context.receiverStream(queue, decode: Order.orders(in:))
    let numPerType = orders.map { ($0.isBuy, Int64(1)) }.reduceByKey(+)
    let amountState = orders.map { ($0.clientId, Double($0.amount) * $0.price) }
        .updateStateByKey { (values: [Double], total: Double?) in (total ?? 0) + values.reduce(0, +) }
    let top = amountState.transform { rdd, _ in
        rdd.sortBy({ $0.1 }, ascending: false).map(\.0).zipWithIndex().filter { $0.1 < 5 }
    }
    numPerType.map { ($0.0 ? "BUYS" : "SELLS", [String($0.1)]) }
        .union(top.map { String($0.0) }.glom().map { ("TOP5CLIENTS", $0) })
        .foreachRDD { rdd, _ in _ = rdd.collect() }
    for batch in batches { try queue.enqueue(batch) }
    try context.start(driving: .caller)
    clock.advance(by: .seconds(batches.count))
    try context.runDueBatches()
    context.stop()
}

/// Per-batch cost of an incremental window over `windowBatches` one-second batches of `rows` pairs, once full.
func incrementalWindow(windowBatches: Int, rows: Int, inverse: Bool) throws -> Double {
    let clock = ManualClock()
    let context = StreamingContext(batchInterval: .seconds(1), clock: clock, parallelism: 1)
    context.checkpoint(directory: NSTemporaryDirectory() + "sluice-bench-" + UUID().uuidString)
    let queue = RDDQueue<(Int, Int)>()
    let pairs = context.queueStream(queue)
    let windowed = inverse
        ? try pairs.reduceByKeyAndWindow(+, inverse: -, windowLength: .seconds(windowBatches))
        : try pairs.reduceByKeyAndWindow(+, windowLength: .seconds(windowBatches))
    windowed.foreachRDD { rdd, _ in _ = rdd.count() }
    let batch = (0 ..< rows).map { ($0 % 100, 1) }
    try context.start(driving: .caller)
    for _ in 0 ..< windowBatches { queue.push(batch) }
    clock.advance(by: .seconds(windowBatches))
    try context.runDueBatches()
    let measured = 20
    for _ in 0 ..< measured { queue.push(batch) }
    let start = ContinuousClock.now
    clock.advance(by: .seconds(measured))
    try context.runDueBatches()
    let elapsed = (ContinuousClock.now - start).components
    context.stop()
    return (Double(elapsed.seconds) * 1e6 + Double(elapsed.attoseconds) / 1e12) / Double(measured)
}

/// The lecture's windowed count: groupBy(buy, window(time, 1 hour)), 10-minute watermark, update mode.
func windowedCount(_ batches: [RecordBatch]) throws {
    let session = Session()
    let stream = session.readStream.memory(schema: OrderSchema.schema)
    let counts = stream.toDF().withWatermark("time", .minutes(10)).groupBy(col("buy"), window(col("time"), .hours(1))).count()
    let query = try counts.writeStream.outputMode(.update).foreachBatch { _, _ in }.start(driving: .caller)
    for batch in batches {
        try stream.addData(batch)
        try query.processAllAvailable()
    }
    query.stop()
}

let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
print("engine figures: medians of 7 runs, release build, load average \(load)")
if runs("dstream") || runs("structured") {
    let orderBatches = parsedOrderBatches()
    if runs("dstream") {
        let emptyOrders = Array(repeating: RecordBatch.empty(OrderSchema.schema), count: 1000)
        let topClientsMilliseconds = try medianMilliseconds { try topClients(orderBatches) }
        line("dstream top-clients, 500k orders as 50 batches of 10k", topClientsMilliseconds, "ms", "< 150")
        line("dstream per-batch overhead, empty batches", try medianMilliseconds { try topClients(emptyOrders) }, "µs per batch", "< 50")
        for seconds in [60, 600, 3600] {
            line("dstream reduceByKeyAndWindow+inverse, \(seconds) s window, 1k rows", try incrementalWindow(windowBatches: seconds, rows: 1000, inverse: true), "µs per batch", "flat in window")
        }
        line("dstream reduceByKeyAndWindow+inverse, 3600 s window, 10k rows", try incrementalWindow(windowBatches: 3600, rows: 10_000, inverse: true), "µs per batch", "∝ batch")
        for seconds in [60, 600] {
            line("dstream reduceByKeyAndWindow recomputed, \(seconds) s window, 1k rows", try incrementalWindow(windowBatches: seconds, rows: 1000, inverse: false), "µs per batch", "∝ window")
        }
    }
    if runs("structured") {
        let singleRows = Array(repeating: orderBatches[0].slice(rows: 0 ..< 1), count: 1000)
        let windowedMilliseconds = try medianMilliseconds { try windowedCount(orderBatches) }
        line("structured windowed count, 50 batches of 10k", 500_000 / windowedMilliseconds / 1000, "M orders/s", ">= 10")
        line("structured per-batch overhead, 1-row batches", try medianMilliseconds { try windowedCount(singleRows) }, "µs per batch", "< 100")
    }
}

if runs("checkpoint-windowed") || runs("checkpoint-state") || runs("checkpoint-restart") {
    let durableWrite = try durableWriteFigure()
    if runs("checkpoint-windowed") { try checkpointedWindowedCountFigures(durableWrite: durableWrite) }
    if runs("checkpoint-state") { try stateLoadFigures() }
    if runs("checkpoint-restart") { try restartFigures() }
}
