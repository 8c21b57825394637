import Testing
@testable import SluiceOrders

@Suite struct OrderSplitterTests {
    let staging = OrderSplitter.stagingDirectoryName

    func lines(_ range: ClosedRange<Int>) -> [UInt8] {
        Array(range.map { "line \($0)\n" }.joined().utf8)
    }

    @Test func deliversPiecesOfNLinesNamedLikeSplitPausingBetweenThem() throws {
        try TemporaryDirectory.with { directory in
            try directory.write(lines(1...25), to: "orders.txt")
            let input = try directory.makeDirectory("input")
            var pauses: [Duration] = []
            let splitter = OrderSplitter(.init(linesPerFile: 10, pace: .milliseconds(1500))) { pauses.append($0) }
            let delivered = try splitter.split(inputAt: directory.file("orders.txt"), into: input)
            #expect(delivered == [
                DeliveredFile(name: "chunkaa", path: input + "/chunkaa", lineCount: 10, byteCount: lines(1...10).count),
                DeliveredFile(name: "chunkab", path: input + "/chunkab", lineCount: 10, byteCount: lines(11...20).count),
                DeliveredFile(name: "chunkac", path: input + "/chunkac", lineCount: 5, byteCount: lines(21...25).count),
            ])
            #expect(try directory.bytes(of: "input/chunkaa") == lines(1...10))
            #expect(try directory.bytes(of: "input/chunkab") == lines(11...20))
            #expect(try directory.bytes(of: "input/chunkac") == lines(21...25))
            #expect(pauses == [.milliseconds(1500), .milliseconds(1500)])
            #expect(try directory.names(in: "input") == ["chunkaa", "chunkab", "chunkac"])
        }
    }

    /// Lists the target directory at every pause and after every delivery: only whole pieces are ever there.
    /// The input (about 1.4 MB) spans two of the splitter's 1 MiB reads.
    @Test func showsOnlyWholePiecesAtEveryStep() throws {
        let text = OrderGenerator.generate(.init(count: 30_000, seed: 8)).text
        let newlines = text.indices.filter { text[$0] == UInt8(ascii: "\n") }
        let pieceEnds = stride(from: 2_999, to: newlines.count, by: 3_000).map { newlines[$0] + 1 }
        let expectedPieces = zip([0] + pieceEnds, pieceEnds).map { Array(text[$0..<$1]) }
        try TemporaryDirectory.with { directory in
            try directory.write(text, to: "orders.txt")
            let input = try directory.makeDirectory("input")
            var listings: [[String]] = []
            func checkTargetDirectory() throws {
                let visible = try directory.names(in: "input").filter { !$0.hasPrefix(".") }
                listings.append(visible)
                #expect(visible == (0..<visible.count).map { "chunk" + SplitFileNames.suffix(index: $0) })
                for (index, name) in visible.enumerated() {
                    #expect(try directory.bytes(of: "input/" + name) == expectedPieces[index])
                }
            }
            let splitter = OrderSplitter(.init(linesPerFile: 3_000, pace: .seconds(1))) { _ in
                #expect((try? directory.names(in: "input/" + staging)) == [])
                try? checkTargetDirectory()
            }
            let delivered = try splitter.split(inputAt: directory.file("orders.txt"), into: input) { _ in
                try? checkTargetDirectory()
            }
            #expect(delivered.count == 10 && delivered.allSatisfy { $0.lineCount == 3_000 })
            #expect(listings.map(\.count) == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10])
            #expect(try directory.names(in: "input").count == 10)
            #expect(try delivered.flatMap { try directory.bytes(of: "input/" + $0.name) } == text)
        }
    }

    @Test func keepsAFinalLineThatHasNoNewline() throws {
        try TemporaryDirectory.with { directory in
            try directory.write(Array("a\nb\nc".utf8), to: "orders.txt")
            let input = try directory.makeDirectory("input")
            let delivered = try OrderSplitter(.init(linesPerFile: 2, pace: .zero)) { _ in }
                .split(inputAt: directory.file("orders.txt"), into: input)
            #expect(delivered.map(\.lineCount) == [2, 1])
            #expect(try directory.bytes(of: "input/chunkab") == Array("c".utf8))
        }
    }

    @Test func deliversNothingForAnEmptyFile() throws {
        try TemporaryDirectory.with { directory in
            try directory.write([], to: "orders.txt")
            let input = try directory.makeDirectory("input")
            var pauses = 0
            let delivered = try OrderSplitter { _ in pauses += 1 }.split(inputAt: directory.file("orders.txt"), into: input)
            #expect(delivered.isEmpty && pauses == 0)
            #expect(try directory.names(in: "input") == [])
        }
    }

    @Test func namesTheMissingInputFile() throws {
        try TemporaryDirectory.with { directory in
            let input = try directory.makeDirectory("input")
            #expect(throws: OrderFileError(path: directory.file("orders.txt"), problem: "cannot open for reading: No such file or directory")) {
                try OrderSplitter { _ in }.split(inputAt: directory.file("orders.txt"), into: input)
            }
        }
    }

    @Test func refusesATargetDirectoryThatDoesNotExistOrIsAFile() throws {
        try TemporaryDirectory.with { directory in
            try directory.write(lines(1...3), to: "orders.txt")
            #expect(throws: OrderFileError(path: directory.file("input"), problem: "no such directory; create it first")) {
                try OrderSplitter { _ in }.split(inputAt: directory.file("orders.txt"), into: directory.file("input"))
            }
            #expect(throws: OrderFileError(path: directory.file("orders.txt"), problem: "is not a directory")) {
                try OrderSplitter { _ in }.split(inputAt: directory.file("orders.txt"), into: directory.file("orders.txt"))
            }
            #expect(try directory.names() == ["orders.txt"])
        }
    }

    @Test func neverReplacesAnExistingFileAndCleansUpStaging() throws {
        try TemporaryDirectory.with { directory in
            try directory.write(lines(1...25), to: "orders.txt")
            let input = try directory.makeDirectory("input")
            try directory.write(Array("earlier run\n".utf8), to: "input/chunkab")
            #expect(throws: OrderFileError(path: input + "/chunkab", problem: "already exists; refusing to replace it")) {
                try OrderSplitter(.init(linesPerFile: 10, pace: .zero)) { _ in }
                    .split(inputAt: directory.file("orders.txt"), into: input)
            }
            #expect(try directory.names(in: "input") == ["chunkaa", "chunkab"])
            #expect(try directory.bytes(of: "input/chunkab") == Array("earlier run\n".utf8))
        }
    }

    @Test func sleepsOnTheCurrentThreadByDefault() {
        let clock = ContinuousClock()
        let started = clock.now
        OrderSplitter.sleepOnCurrentThread(.milliseconds(20))
        #expect(clock.now - started >= .milliseconds(20))
    }
}
