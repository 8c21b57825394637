import Testing
@testable import SluiceOrders

@Suite struct OrderGeneratorOutputTests {
    /// More lines than `write` puts in one block (65,536), so the file is written in two.
    static let configuration = OrderGenerator.Configuration(count: 70_000, seed: 3, malformedFraction: 0.001)
    static let generated = OrderGenerator.generate(configuration)
    let configuration = Self.configuration
    let generated = Self.generated

    @Test func writesTheSameBytesToAFileAsInMemory() throws {
        try TemporaryDirectory.with { directory in
            let summary = try OrderGenerator.write(configuration, toFileAt: directory.file("orders.txt"))
            #expect(try directory.bytes(of: "orders.txt") == generated.text)
            #expect(summary == GenerationSummary(
                lineCount: 70_000, malformedLineCount: generated.malformedLines.count, byteCount: generated.text.count
            ))
            #expect(try directory.names() == ["orders.txt"])
        }
    }

    @Test func replacesAnExistingFile() throws {
        try TemporaryDirectory.with { directory in
            try directory.write(Array("old".utf8), to: "orders.txt")
            try OrderGenerator.write(.init(count: 3), toFileAt: directory.file("orders.txt"))
            #expect(try directory.bytes(of: "orders.txt") == OrderGenerator.generate(.init(count: 3)).text)
        }
    }

    @Test func namesThePathWhenItCannotWrite() throws {
        try TemporaryDirectory.with { directory in
            let path = directory.file("missing/orders.txt")
            let problem = "cannot create: No such file or directory (staging file \(directory.file("missing/.orders.txt.partial")))"
            #expect(throws: OrderFileError(path: path, problem: problem)) {
                try OrderGenerator.write(.init(count: 3), toFileAt: path)
            }
        }
    }

    @Test(arguments: [1, 7, 65_536, 100_000])
    func appendsLinesInChunksThatAddUpToTheWholeFile(linesPerChunk: Int) {
        var generator = OrderGenerator(configuration)
        var text: [UInt8] = []
        var chunkSizes: [Int] = []
        while true {
            let appended = generator.appendLines(upTo: linesPerChunk, to: &text)
            guard appended > 0 else { break }
            chunkSizes.append(appended)
        }
        #expect(text == generated.text)
        #expect(chunkSizes.dropLast().allSatisfy { $0 == linesPerChunk })
        #expect(chunkSizes.reduce(0, +) == configuration.count)
        #expect(generator.malformedLineCount == generated.malformedLines.count)
    }
}
