import Foundation
@testable import SluiceCore

/// A row that says who sent it and in which place, so a test can check for loss, duplicates and order.
struct SequencedRow: Sendable, Hashable {
    var producer: Int
    var sequence: Int
}

/// A fan-in run over real threads: producers send `SequencedRow`s in chunks, the calling thread consumes
/// and checks every row.
struct IngestFanIn {
    var producers: Int
    var rowsPerProducer: Int
    var rowsPerChunk: Int
    var capacity: Int
    var policy: FullBufferPolicy = .wait
    /// Whether producers refill recycled chunks instead of allocating one per send.
    var recycling = true

    /// What the consumer saw.
    struct Report {
        var rowsReceived = 0
        var chunksReceived = 0
        var sequences: SequenceCheck
        var metrics = IngestMetrics()
        var producerErrors: [IngestError] = []
        var finished = false
        var seconds = 0.0

        var rowsPerSecond: Double { Double(rowsReceived) / seconds }

        /// The run in one line: its shape and its rate.
        func summary(of fanIn: IngestFanIn) -> String {
            let millions = (rowsPerSecond / 1e6).formatted(.number.precision(.fractionLength(1)))
            return "\(fanIn.producers) producer(s), \(rowsReceived) rows, \(fanIn.rowsPerChunk) rows/chunk, "
                + "capacity \(fanIn.capacity), recycling \(fanIn.recycling ? "on" : "off"): \(millions) M rows/s, "
                + "waits \(metrics.waits)"
        }
    }

    /// Checks that each producer's rows arrive in sequence: every one under `.wait`, with gaps under `.drop`.
    struct SequenceCheck {
        let allowsGaps: Bool
        /// The last sequence received from each producer, -1 for none.
        var lastSequence: [Int]
        /// Rows that broke their producer's sequence.
        var outOfOrderRows = 0

        mutating func check(_ chunk: [SequencedRow]) {
            for row in chunk {
                let last = lastSequence[row.producer]
                if allowsGaps ? row.sequence <= last : row.sequence != last + 1 { outOfOrderRows += 1 }
                lastSequence[row.producer] = row.sequence
            }
        }
    }

    func run() throws -> Report {
        let channel = IngestChannel<[SequencedRow]>(
            name: "fan-in", capacityPerProducer: capacity, fullBufferPolicy: policy
        )
        let handles = try (0..<producers).map { try channel.makeProducer(named: "producer-\($0)") }
        let rowsPerProducer = rowsPerProducer, rowsPerChunk = rowsPerChunk, recycling = recycling
        let start = ContinuousClock.now
        let senders = ThreadGroup(count: producers, name: "ingest-producer") { index in
            Result { () throws(IngestError) in
                let producer = handles[index]
                defer { producer.finish() }
                var sequence = 0
                while sequence < rowsPerProducer {
                    var chunk = (recycling ? producer.recycledChunk() : nil) ?? []
                    chunk.removeAll(keepingCapacity: true)
                    chunk.reserveCapacity(rowsPerChunk)
                    let end = min(sequence + rowsPerChunk, rowsPerProducer)
                    while sequence < end {
                        chunk.append(SequencedRow(producer: index, sequence: sequence))
                        sequence += 1
                    }
                    try producer.send(chunk)
                }
            }
        }
        let sequences = SequenceCheck(allowsGaps: policy == .drop, lastSequence: Array(repeating: -1, count: producers))
        var report = Report(sequences: sequences)
        var pending: [[SequencedRow]] = []
        consuming: while true {
            if channel.drain(into: &pending) > 0 {
                for chunk in pending {
                    report.chunksReceived += 1
                    report.rowsReceived += chunk.count
                    report.sequences.check(chunk)
                }
                if recycling { channel.recycleAll(&pending) } else { pending.removeAll(keepingCapacity: true) }
                continue
            }
            switch channel.waitForRows(atLeast: 1, timeout: .seconds(60)) {
            case .rowsAvailable, .finished(rowsAvailable: 1...): continue  // drain what is there first
            case .finished: report.finished = channel.isFinished; break consuming
            case .deadlineReached: channel.close(); break consuming
            }
        }
        report.seconds = (ContinuousClock.now - start) / .seconds(1)
        report.producerErrors = senders.join().compactMap { result in
            if case let .failure(error) = result { error } else { nil }
        }
        report.metrics = channel.metrics
        return report
    }
}
