import Foundation
import SluiceCore
import Synchronization
import Testing
@testable import SluiceStructured

@Suite struct DataFrameReaderTests {
    let session = Session()
    static let schema = Schema([Field("id", .int64), Field("name", .string, nullable: true)])

    @Test func readsOneFileOrEveryVisibleFileOfADirectoryInNameOrder() throws {
        try ScratchDirectory.with { scratch in
            try scratch.makeDirectory("data/subdirectory")
            try scratch.write("2,b\n", to: "data/2.csv")
            try scratch.write("1,a\n", to: "data/1.csv")
            try scratch.write("9,hidden\n", to: "data/.hidden.csv")
            try scratch.write("9,marker\n", to: "data/_SUCCESS")
            try scratch.write("9,torn\n", to: "data/3.csv.k2j3.sluice-tmp")
            #expect(try session.read.csv(path: scratch.file("data"), schema: Self.schema).collect()
                == [[.int64(1), .string("a")], [.int64(2), .string("b")]])
            #expect(try session.read.csv(path: scratch.file("data/2.csv"), schema: Self.schema).collect() == [[.int64(2), .string("b")]])
        }
    }

    @Test func aMissingPathIsNamed() throws {
        try ScratchDirectory.with { scratch in
            let missing = scratch.file("missing.json")
            #expect(throws: FileError.pathDoesNotExist(missing)) { try session.read.json(path: missing, schema: Self.schema) }
            #expect(FileError.pathDoesNotExist(missing).description == "Path does not exist: \(missing)")
        }
    }

    @Test func anEmptyDirectoryIsAnEmptyTableWithTheSchema() throws {
        try ScratchDirectory.with { scratch in
            let frame = try session.read.json(path: try scratch.makeDirectory("empty"), schema: Self.schema)
            #expect(try frame.collect().isEmpty)
            #expect(try frame.schema() == Self.schema)
        }
    }

    @Test func malformedRecordsAreReportedNotThrown() throws {
        try ScratchDirectory.with { scratch in
            try scratch.write("id,name\n1,a\nx,b\n2\n", to: "orders.csv")
            let reports = Mutex<[FileReadReport]>([])
            let frame = try session.read.reportingProblems { report in reports.withLock { $0.append(report) } }
                .csv(path: scratch.file("orders.csv"), schema: Self.schema, header: true)
            #expect(try frame.collect() == [[.int64(1), .string("a")]])
            let report = try #require(reports.withLock { $0 }.first)
            #expect(report.files == [scratch.file("orders.csv")] && report.rows == 1 && report.malformedRecords == 2)
            #expect(report.samples.map(\.description) == [
                "\(scratch.file("orders.csv")) line 3: field 'id': 'x' is not an int64",
                "\(scratch.file("orders.csv")) line 4: 1 field where the schema has 2",
            ])
        }
    }

    @Test func aCorruptManifestIsNamed() throws {
        try ScratchDirectory.with { scratch in
            try scratch.makeDirectory("out/_sluice_metadata")
            try scratch.write("v9\npart-0-x.csv\n", to: "out/_sluice_metadata/0")
            #expect(throws: FileError.corruptManifest(path: scratch.file("out/_sluice_metadata/0"), reason: "version 'v9', this build reads v1")) {
                try session.read.csv(path: scratch.file("out"), schema: Self.schema)
            }
            try scratch.write("v1\npart-0-x.csv\n", to: "out/_sluice_metadata/0")
            #expect(throws: FileError.cannotRead(path: scratch.file("out/part-0-x.csv"), reason: "listed in the file sink's manifest, but missing")) {
                try session.read.csv(path: scratch.file("out"), schema: Self.schema)
            }
        }
    }
}
