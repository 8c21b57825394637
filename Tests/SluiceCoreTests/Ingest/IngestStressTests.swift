import Foundation
import Testing
@testable import SluiceCore

/// Whether the long stress sizes and the throughput figures are asked for (`SLUICE_STRESS=1`).
let isStressRun = ProcessInfo.processInfo.environment["SLUICE_STRESS"] == "1"

/// Real threads, millions of rows: no row lost or duplicated, order kept per producer.
///
/// `SLUICE_STRESS=1` runs 100 times more rows and prints throughput, meant for a release build:
/// `SLUICE_STRESS=1 swift test -c release -Xswiftc -enable-testing --filter IngestStressTests`.
/// Speed is never asserted.
@Suite(.serialized) struct IngestStressTests {
    static let rowsInTotal = isStressRun ? 200_000_000 : 2_000_000

    @Test(.serialized, arguments: [1, 4])
    func everyRowArrivesOnceAndInOrder(producers: Int) throws {
        let fanIn = IngestFanIn(
            producers: producers, rowsPerProducer: Self.rowsInTotal / producers, rowsPerChunk: 100, capacity: 4
        )
        let report = try fanIn.run()
        #expect(report.producerErrors.isEmpty)
        #expect(report.finished)
        #expect(report.sequences.outOfOrderRows == 0)
        #expect(report.sequences.lastSequence == Array(repeating: fanIn.rowsPerProducer - 1, count: producers))
        #expect(report.rowsReceived == Self.rowsInTotal)
        #expect(report.metrics.rowsEnqueued == Self.rowsInTotal)
        #expect(report.metrics.rowsDequeued == Self.rowsInTotal)
        #expect(report.metrics.chunksDequeued == report.chunksReceived)
        #expect(report.metrics.chunksDropped == 0)
        if isStressRun { print("ingest stress: \(report.summary(of: fanIn))") }
    }

    @Test func dropAccountsForEveryRow() throws {
        let fanIn = IngestFanIn(
            producers: 2, rowsPerProducer: Self.rowsInTotal / 4, rowsPerChunk: 100, capacity: 2, policy: .drop
        )
        let report = try fanIn.run()
        #expect(report.producerErrors.isEmpty)
        #expect(report.finished)
        #expect(report.sequences.outOfOrderRows == 0)
        #expect(report.rowsReceived + report.metrics.rowsDropped == fanIn.producers * fanIn.rowsPerProducer)
        #expect(report.metrics.rowsDequeued == report.rowsReceived)
        #expect(report.metrics.waits == 0)
    }

    @Test func closingWhileProducersSendLeavesNothingBehind() throws {
        let channel = IngestChannel<[SequencedRow]>(name: "closing", capacityPerProducer: 4)
        let handles = try (0..<4).map { try channel.makeProducer(named: "producer-\($0)") }
        let senders = ThreadGroup(count: 4, name: "closing-producer") { index -> IngestError in
            var sequence = 0
            while true {
                do throws(IngestError) {
                    try handles[index].send([SequencedRow(producer: index, sequence: sequence)])
                } catch {
                    return error
                }
                sequence += 1
            }
        }
        var sequences = IngestFanIn.SequenceCheck(allowsGaps: false, lastSequence: Array(repeating: -1, count: 4))
        var rowsReceived = 0
        func receive() {
            for chunk in channel.drainAll() {
                rowsReceived += chunk.count
                sequences.check(chunk)
            }
        }
        while rowsReceived < Self.rowsInTotal / 20 {
            _ = channel.waitForRows(atLeast: 1, timeout: .seconds(10))
            receive()
        }
        channel.close()
        #expect(waitUntil { receive(); return channel.isFinished })
        let errors = senders.join()
        #expect(errors == (0..<4).map { IngestError.channelClosed(channel: "closing", producer: "producer-\($0)") })
        #expect(sequences.outOfOrderRows == 0)
        #expect(channel.metrics.rowsEnqueued == rowsReceived)
        #expect(channel.drainAll().isEmpty)
    }

    /// Rows per second from one producer thread to the consumer, with and without recycling, for a few chunk
    /// sizes and capacities; each run three times, interleaved, to see past other work on the machine.
    /// Printed, never asserted.
    @Test(.enabled(if: isStressRun))
    func measureThroughput() throws {
        let shapes = [(256, 64), (1_024, 16), (4_096, 16), (65_536, 4)]
        let fanIns = [false, true].flatMap { recycling in
            shapes.map { shape in
                IngestFanIn(
                    producers: 1, rowsPerProducer: Self.rowsInTotal / 2, rowsPerChunk: shape.0, capacity: shape.1,
                    recycling: recycling
                )
            }
        }
        var rates = Array(repeating: [Double](), count: fanIns.count)
        for _ in 1...3 {
            for (index, fanIn) in fanIns.enumerated() {
                let report = try fanIn.run()
                #expect(report.sequences.outOfOrderRows == 0 && report.rowsReceived == fanIn.rowsPerProducer)
                rates[index].append(report.rowsPerSecond)
            }
        }
        for (fanIn, runs) in zip(fanIns, rates) {
            let millions = runs.sorted().map { ($0 / 1e6).formatted(.number.precision(.fractionLength(0))) }
            print(
                "ingest throughput, \(fanIn.rowsPerChunk) rows/chunk, capacity \(fanIn.capacity), recycling "
                    + "\(fanIn.recycling ? "on " : "off"): M rows/s \(millions.joined(separator: " / "))"
            )
        }
    }
}
