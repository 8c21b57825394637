import SluiceCore
import Testing
@testable import SluiceDStream

@Suite struct BasicOperationTests {
    let input: [[Int]] = [[1, 2, 3], [], [4, 5, 4, 6]]

    @Test func mapFlatMapFilter() throws {
        #expect(try StreamTest.run(input) { $0.map { $0 * 10 } } == [[10, 20, 30], [], [40, 50, 40, 60]])
        #expect(try StreamTest.run(input) { $0.flatMap { [$0, -$0] } } == [[1, -1, 2, -2, 3, -3], [], [4, -4, 5, -5, 4, -4, 6, -6]])
        #expect(try StreamTest.run(input) { $0.filter { $0 % 2 == 0 } } == [[2], [], [4, 4, 6]])
        #expect(try StreamTest.run(input) { $0.mapPartitions { [$0.reduce(0, +)] } } == [[3, 3], [0], [9, 10]], "an empty batch is one empty partition")
    }

    @Test func countReduceAndCountByValue() throws {
        #expect(try StreamTest.run(input) { $0.count() } == [[3], [0], [4]])
        #expect(try StreamTest.run(input) { $0.reduce(+) } == [[6], [], [19]])
        let counts = try StreamTest.run(input) { $0.countByValue() }
        #expect(equal(counts, [[(1, 1), (2, 1), (3, 1)], [], [(4, 2), (5, 1), (6, 1)]]))
    }

    @Test func repartitionAndGlom() throws {
        #expect(try StreamTest.run(input) { $0.repartition(3).glom() } == [[[1], [2], [3]], [[], [], []], [[4, 5], [4], [6]]])
    }

    @Test func unionKeepsBatchesAligned() throws {
        #expect(try StreamTest.run(input) { stream in stream.union(stream.map { $0 + 100 }) }
            == [[1, 2, 3, 101, 102, 103], [], [4, 5, 4, 6, 104, 105, 104, 106]])
    }

    @Test func transformSeesTheBatchTime() throws {
        let output = try StreamTest.run(input) { stream in
            stream.transform { rdd, time in rdd.map { _ in time.milliseconds } }
        }
        #expect(output == [[1000, 1000, 1000], [], [3000, 3000, 3000, 3000]])
    }

    @Test func transformWithCombinesTwoStreamsPerBatch() throws {
        let output = try StreamTest.run(input) { stream in
            stream.transformWith(stream.count()) { values, count, _ in values.map { $0 * Int(count.first() ?? 0) } }
        }
        #expect(output == [[3, 6, 9], [], [16, 20, 16, 24]])
    }

    @Test func sortAndZipWithIndexAsTheLectureTakesATopFive() throws {
        let output = try StreamTest.run([[5, 1, 9, 7, 3, 8, 2]]) { stream in
            stream.transform { rdd, _ in
                rdd.sortBy({ $0 }, ascending: false).zipWithIndex().filter { $0.1 < 5 }.map(\.0)
            }
        }
        #expect(output == [[9, 8, 7, 5, 3]])
    }
}
