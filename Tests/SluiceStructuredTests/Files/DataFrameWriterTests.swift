import Foundation
import SluiceCore
import Testing
@testable import SluiceStructured

@Suite struct DataFrameWriterTests {
    let session = Session()
    static let schema = Schema([Field("id", .int64)])

    func frame(_ ids: [Int64]) throws -> DataFrame {
        try session.createDataFrame(rows: ids.map { [.int64($0)] }, schema: Self.schema)
    }

    func ids(at path: String) throws -> [Int64] {
        try session.read.csv(path: path, schema: Self.schema).collect().map { row in
            if case .int64(let id) = row[0] { id } else { -1 }
        }.sorted()
    }

    @Test func saveModesDecideWhatHappensToAnExistingPath() throws {
        try ScratchDirectory.with { scratch in
            let path = scratch.file("out")
            try frame([1]).write.csv(path: path)
            #expect(throws: FileError.pathAlreadyExists(path)) { try frame([2]).write.csv(path: path) }
            try frame([2]).write.mode(.ignore).csv(path: path)
            #expect(try ids(at: path) == [1])
            try frame([3]).write.mode(.append).csv(path: path)
            #expect(try ids(at: path) == [1, 3])
            try frame([4]).write.mode(.overwrite).csv(path: path)
            #expect(try ids(at: path) == [4])
        }
    }

    @Test func streamingFramesAreWrittenWithWriteStream() throws {
        try ScratchDirectory.with { scratch in
            let stream = session.readStream.memory(schema: Self.schema).toDF()
            #expect(throws: AnalysisError.self) { try stream.write.json(path: scratch.file("out")) }
        }
    }
}
