import Benchmark
import BenchmarkSupport
import Foundation
import SluiceCore

let benchmarks: @Sendable () -> Void = {
    BenchmarkSettings.apply()
    Benchmark(
        "ring/chunks-of-\(RingWorkload.chunkRows)",
        configuration: .init(tags: BenchmarkSettings.work(rows: RingWorkload.rowsPerTransfer))
    ) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(transfer()) }
    }
}

/// Moves `RingWorkload.rowsPerTransfer` rows through a fresh `IngestChannel`: a producer thread writes row
/// numbers into recycled chunks and sends them; this thread waits for chunks, drains them, sums their
/// rows and recycles them. Returns the sum.
func transfer() -> Int64 {
    let channel = IngestChannel<[Int64]>(name: "benchmark", capacityPerProducer: RingWorkload.ringCapacity)
    let producer: ProducerHandle<[Int64]>
    do {
        producer = try channel.makeProducer()
    } catch {
        preconditionFailure("IngestRingBenchmarks: \(error)")
    }
    Thread { produce(into: producer) }.start()
    var pending: [[Int64]] = []
    var sum: Int64 = 0
    var producerFinished = false
    while !producerFinished {
        // Spins, yields, then sleeps until a chunk is waiting, as a driver would between triggers.
        if case .finished = channel.waitForRows(atLeast: 1, timeout: .seconds(60)) { producerFinished = true }
        channel.drain(into: &pending)
        for chunk in pending {
            let rows = chunk.span
            for index in rows.indices { sum &+= rows[index] }
        }
        channel.recycleAll(&pending)
    }
    return sum
}

/// Fills chunks with consecutive row numbers, overwriting in place the chunks the consumer recycled (and
/// allocating only while none has come back yet), then finishes.
func produce(into producer: ProducerHandle<[Int64]>) {
    var next: Int64 = 0
    for _ in 0 ..< RingWorkload.rowsPerTransfer / RingWorkload.chunkRows {
        var chunk = producer.recycledChunk() ?? [Int64](repeating: 0, count: RingWorkload.chunkRows)
        var rows = chunk.mutableSpan
        for index in rows.indices {
            rows[index] = next
            next &+= 1
        }
        do {
            try producer.send(chunk)
        } catch {
            preconditionFailure("IngestRingBenchmarks: \(error)")
        }
    }
    producer.finish()
}
