import Foundation
import SluiceCore
import Synchronization
import Testing
@testable import SluiceStructured

@Suite struct FileStreamingTests {
    let session = Session()
    static let orders = Schema([Field("id", .int64), Field("symbol", .string), Field("price", .double)])

    @Test func csvFilesMovedInAreFilteredIntoACSVSinkBatchByBatch() throws {
        try ScratchDirectory.with { scratch in
            let input = try scratch.makeDirectory("in")
            let output = scratch.file("out")
            try scratch.moveIn("id,symbol,price\n1,AAPL,10.5\n2,MSFT,300\n", as: "a.csv", into: input)
            let query = try session.readStream.csv(directory: input, schema: Self.orders, header: true, maxFilesPerTrigger: 1)
                .filter(col("price") > 20)
                .writeStream.csv(directory: output).start(driving: .caller)
            try query.processAllAvailable()
            try scratch.moveIn("id,symbol,price\n3,\"ACME, Inc\",25\nbad,line\n4,IBM,1\n", as: "b.csv", into: input)
            try scratch.moveIn("id,symbol,price\n5,GOOG,99\n", as: "c.csv", into: input)
            try query.processAllAvailable()
            query.stop()

            #expect(query.recentProgress.map(\.batchId) == [BatchID(0), BatchID(1), BatchID(2)], "one file per trigger")
            let manifest = FileSinkManifest(directory: output)
            #expect(try manifest.committedBatches() == [BatchID(0), BatchID(1), BatchID(2)])
            let parts = try manifest.committedBatches().map { try manifest.files(of: $0) }
            #expect(parts.allSatisfy { $0.count == 1 })
            #expect(parts[1][0].hasPrefix("part-1-") && parts[1][0].hasSuffix(".csv"))
            #expect(try scratch.text(of: "out/" + parts[1][0]) == "3,\"ACME, Inc\",25.0\n")
            #expect(try scratch.text(of: "out/_sluice_metadata/1") == "v1\n\(parts[1][0])\n")
            #expect(try FileSinkManifest.committedFiles(directory: output) == parts.flatMap { $0 }.map { output + "/" + $0 })
            #expect(try session.read.csv(path: output, schema: Self.orders).collect()
                == [[.int64(2), .string("MSFT"), .double(300)], [.int64(3), .string("ACME, Inc"), .double(25)], [.int64(5), .string("GOOG"), .double(99)]])
        }
    }

    @Test func aBatchRunAgainWithTheSameIDWritesNothingNew() throws {
        try ScratchDirectory.with { scratch in
            let output = scratch.file("out")
            let sink = FileSink.csv(directory: output)
            let batch = try RecordBatch(schema: Self.orders, rows: [[.int64(1), .string("A"), .double(1)]])
            try sink.addBatch(BatchID(0), [batch], schema: Self.orders, mode: .append)
            let before = try scratch.names(in: "out")
            try sink.addBatch(BatchID(0), [batch], schema: Self.orders, mode: .append)
            #expect(try scratch.names(in: "out") == before)
            #expect(try FileSinkManifest.committedFiles(directory: output).count == 1)

            let restarted = FileSink.csv(directory: output)
            try restarted.addBatch(BatchID(0), [batch], schema: Self.orders, mode: .append)
            try restarted.addBatch(BatchID(1), [], schema: Self.orders, mode: .append)
            #expect(try scratch.names(in: "out").count == before.count, "a batch without rows writes no part file")
            #expect(try FileSinkManifest(directory: output).files(of: BatchID(1)) == [])
            #expect(try session.read.csv(path: output, schema: Self.orders).collect() == [[.int64(1), .string("A"), .double(1)]])
        }
    }

    @Test func aQueryStartedAgainOverTheSameFilesWritesNothingTwice() throws {
        try ScratchDirectory.with { scratch in
            let input = try scratch.makeDirectory("in")
            let output = scratch.file("out")
            try scratch.moveIn("1,A,1\n", as: "1.csv", into: input)
            try scratch.moveIn("2,B,2\n", as: "2.csv", into: input)
            for _ in 0 ..< 2 {
                let query = try session.readStream.csv(directory: input, schema: Self.orders, maxFilesPerTrigger: 1)
                    .writeStream.csv(directory: output).start(driving: .caller)
                try query.processAllAvailable()
                query.stop()
            }
            #expect(try FileSinkManifest(directory: output).committedBatches() == [BatchID(0), BatchID(1)])
            #expect(try scratch.names(in: "out").filter { $0.hasPrefix("part-") }.count == 2,
                    "the second run's batches 0 and 1 were in the manifest already")
            #expect(try session.read.csv(path: output, schema: Self.orders).collect().count == 2)
        }
    }

    @Test func aPartFileWhoseBatchNeverCommittedIsNotRead() throws {
        try ScratchDirectory.with { scratch in
            let output = scratch.file("out")
            let batch = try RecordBatch(schema: Self.orders, rows: [[.int64(1), .string("A"), .double(1)]])
            try FileSink.json(directory: output).addBatch(BatchID(0), [batch], schema: Self.orders, mode: .append)
            try scratch.write("{\"id\": 2, \"symbol\": \"crashed\", \"price\": 2}\n", to: "out/part-1-left-by-a-crash.json")
            #expect(try FileSinkManifest.committedFiles(directory: output).count == 1)
            #expect(try session.read.json(path: output, schema: Self.orders).collect() == [[.int64(1), .string("A"), .double(1)]])
            try FileSink.json(directory: output).addBatch(BatchID(1), [batch], schema: Self.orders, mode: .append)
            #expect(try session.read.json(path: output, schema: Self.orders).collect().count == 2, "the re-run batch 1 wrote its own file")
        }
    }

    @Test func jsonLinesInJSONLinesOut() throws {
        try ScratchDirectory.with { scratch in
            let input = try scratch.makeDirectory("in")
            let output = scratch.file("out")
            let query = try session.readStream.json(directory: input, schema: Self.orders)
                .select(col("symbol"), (col("price") * 2).alias("doubled"))
                .writeStream.json(directory: output).start(driving: .caller)
            try scratch.moveIn(#"{"id": 1, "symbol": "A\u00e9", "price": 1.25, "extra": [1]}"# + "\n", as: "1.json", into: input)
            try query.processAllAvailable()
            query.stop()
            let part = try #require(try FileSinkManifest.committedFiles(directory: output).first)
            #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: part)), as: UTF8.self) == "{\"symbol\":\"Aé\",\"doubled\":2.5}\n")
        }
    }

    @Test func fileSinksAcceptAppendModeOnly() throws {
        try ScratchDirectory.with { scratch in
            let input = try scratch.makeDirectory("in")
            let counts = session.readStream.csv(directory: input, schema: Self.orders).groupBy("symbol").count()
            #expect {
                try counts.writeStream.outputMode(.complete).csv(directory: scratch.file("out")).start(driving: .caller)
            } throws: { error in
                "\(error)" == "Data source csv does not support complete output mode: file sinks write in append mode only"
            }
            #expect(throws: AnalysisError.self) {
                try counts.writeStream.outputMode(.update).json(directory: scratch.file("out")).start(driving: .caller)
            }
            #expect(!FileManager.default.fileExists(atPath: scratch.file("out")), "nothing is written by a query that did not start")
        }
    }

    @Test func aMissingInputDirectoryIsNamedAtStart() throws {
        try ScratchDirectory.with { scratch in
            let missing = scratch.file("nowhere")
            #expect {
                try session.readStream.csv(directory: missing, schema: Self.orders).writeStream.csv(directory: scratch.file("out"))
                    .start(driving: .caller)
            } throws: { error in
                "\(error)" == "\(missing): no such directory"
            }
        }
    }
}
