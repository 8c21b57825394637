import Foundation
import SluiceCore
import SluiceTesting
import Testing
@testable import SluiceDStream

@Suite struct WindowOperationTests {
    @Test func windowsStartPartlyFilledAndSlide() throws {
        let input: [[Int]] = [[1], [2], [3], [4], [5]]
        #expect(try StreamTest.run(input) { try $0.window(.seconds(3)) } == [[1], [1, 2], [1, 2, 3], [2, 3, 4], [3, 4, 5]])
        #expect(try StreamTest.run(input) { try $0.window(.seconds(3), slide: .seconds(2)) } == [[1, 2], [2, 3, 4]])
    }

    @Test func rejectsWindowsThatAreNotMultiplesOfTheBatchInterval() throws {
        #expect(throws: DStreamError.windowNotMultipleOfParentSlide(window: .milliseconds(2500), parentSlide: .seconds(1))) {
            try StreamTest.run([[1]]) { try $0.window(.milliseconds(2500)) }
        }
        #expect(throws: DStreamError.slideNotMultipleOfParentSlide(slide: .milliseconds(1500), parentSlide: .seconds(1))) {
            try StreamTest.run([[1]]) { try $0.window(.seconds(3), slide: .milliseconds(1500)) }
        }
        let message = DStreamError.windowNotMultipleOfParentSlide(window: .milliseconds(2500), parentSlide: .seconds(1)).description
        #expect(message == "The window duration of windowed DStream (2500 ms) must be a multiple of the slide duration of parent DStream (1000 ms)")
    }

    @Test func countAndReduceByWindow() throws {
        let checkpoint = temporaryDirectory("count-by-window")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let input: [[Int]] = [[1, 2], [3], [], [4, 5, 6]]
        #expect(try StreamTest.run(input, checkpoint: checkpoint + "/count") { try $0.countByWindow(.seconds(3), slide: .seconds(1)) }
            == [[2], [3], [3], [4]])
        #expect(try StreamTest.run(input) { try $0.reduceByWindow(+, windowLength: .seconds(2), slide: .seconds(1)) }
            == [[3], [6], [3], [15]])
        #expect(try StreamTest.run(input, checkpoint: checkpoint + "/reduce") {
            try $0.reduceByWindow(+, inverse: -, windowLength: .seconds(2), slide: .seconds(1))
        } == [[3], [6], [3], [15]])
    }

    let words: [[String]] = [["a", "b"], ["a"], [], ["b"], []]

    @Test func reduceByKeyAndWindowWithoutInverse() throws {
        let output = try StreamTest.run(words) { try $0.map { ($0, 1) }.reduceByKeyAndWindow(+, windowLength: .seconds(2)) }
        #expect(equal(StreamTest.sorted(output), [[("a", 1), ("b", 1)], [("a", 2), ("b", 1)], [("a", 1)], [("b", 1)], [("b", 1)]]))
    }

    @Test func reduceByKeyAndWindowWithInverseKeepsOrDropsZeroCounts() throws {
        let checkpoint = temporaryDirectory("inverse-window")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        let kept = try StreamTest.run(words, checkpoint: checkpoint + "/kept") {
            try $0.map { ($0, 1) }.reduceByKeyAndWindow(+, inverse: -, windowLength: .seconds(2))
        }
        #expect(equal(StreamTest.sorted(kept),
                      [[("a", 1), ("b", 1)], [("a", 2), ("b", 1)], [("a", 1), ("b", 0)], [("a", 0), ("b", 1)], [("a", 0), ("b", 1)]]))
        let filtered = try StreamTest.run(words, checkpoint: checkpoint + "/filtered") {
            try $0.map { ($0, 1) }.reduceByKeyAndWindow(+, inverse: -, windowLength: .seconds(2), filter: { $0.1 != 0 })
        }
        #expect(equal(StreamTest.sorted(filtered), [[("a", 1), ("b", 1)], [("a", 2), ("b", 1)], [("a", 1)], [("b", 1)], [("b", 1)]]))
        let counted = try StreamTest.run(words, checkpoint: checkpoint + "/counted") { try $0.countByValueAndWindow(.seconds(2), slide: .seconds(1)) }
        #expect(equal(StreamTest.sorted(counted), StreamTest.sorted(filtered.map { $0.map { ($0.0, Int64($0.1)) } })))
    }

    @Test(arguments: [1, 2, 3])
    func incrementalWindowAgreesWithRecomputingOverALongerRun(seed: UInt64) throws {
        let checkpoint = temporaryDirectory("inverse-window-long")
        defer { try? FileManager.default.removeItem(atPath: checkpoint) }
        var generator = SeededGenerator(seed: seed)
        let input: [[Int]] = (0 ..< 30).map { _ in (0 ..< Int.random(in: 0 ... 6, using: &generator)).map { _ in Int.random(in: 0 ... 4, using: &generator) } }
        let incremental = try StreamTest.run(input, checkpoint: checkpoint) {
            try $0.map { ($0, 1) }.reduceByKeyAndWindow(+, inverse: -, windowLength: .seconds(4), slide: .seconds(2), filter: { $0.1 > 0 })
        }
        let recomputed = try StreamTest.run(input) {
            try $0.map { ($0, 1) }.reduceByKeyAndWindow(+, windowLength: .seconds(4), slide: .seconds(2))
        }
        #expect(equal(StreamTest.sorted(incremental), StreamTest.sorted(recomputed)), "input: \(input)")
    }

    @Test func incrementalWindowsNeedACheckpointDirectory() {
        #expect(throws: DStreamError.checkpointDirectoryNotSet(operation: "reduceByKeyAndWindow with an inverse function")) {
            try StreamTest.run([[1]]) { try $0.countByWindow(.seconds(2), slide: .seconds(1)) }
        }
    }
}
