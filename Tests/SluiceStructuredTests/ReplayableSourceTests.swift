import Foundation
import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct ReplayableSourceTests {
    let session = Session()

    /// The input a streaming frame's source closure makes.
    func input(of frame: DataFrame) -> (any BatchInput)? {
        guard case .source(let relation) = frame.plan, case .stream(let make) = relation.content else { return nil }
        return make()
    }

    @Test func fileStreamsReadThroughAReplayableInput() {
        let frames = [
            session.readStream.files(directory: "/tmp", decoder: TextLineDecoder()),
            session.readStream.csv(directory: "/tmp", schema: Schema([Field("n", .int64)])),
        ]
        #expect(frames.allSatisfy { input(of: $0) is any ReplayableInput })
    }

    @Test func sequencedProducerThreadsFeedAQuery() throws {
        let schema = Schema([Field("n", .int64)])
        let (frame, input) = session.readStream.sequencedProducers(schema: schema, name: "numbers")
        #expect(self.input(of: frame) === input)
        let query = try frame.groupBy().agg(sum(col("n")).alias("total"), count("*").alias("rows"))
            .writeStream.outputMode(.complete).queryName("totals").start(driving: .caller)
        let producers = try (0 ..< 3).map { try input.makeProducer(named: "p\($0)") }
        let threads = producers.enumerated().map { index, producer in
            Thread {
                for chunk in 0 ..< 20 {
                    let first = index * 1000 + chunk * 50
                    let rows: [[Value]] = (first ..< first + 50).map { [Value.int64(Int64($0))] }
                    try? producer.send(try RecordBatch(schema: schema, rows: rows))
                }
                producer.finish()
            }
        }
        threads.forEach { $0.start() }
        #expect(input.waitForRows(atLeast: 3001, timeout: .seconds(30)) == .finished(rowsAvailable: 3000))
        try query.processAllAvailable()
        let expected: Int64 = (0 ..< 3).map { index in (0 ..< 1000).reduce(0) { $0 + Int64(index * 1000 + $1) } }.reduce(0, +)
        #expect(try session.table("totals").collect() == [[.int64(expected), .int64(3000)]])
        #expect((0 ..< 3).map { input.resumeSequence(for: "p\($0)") } == [1000, 1000, 1000])
    }
}
