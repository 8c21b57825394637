import SluiceCore
import Testing
@testable import SluiceDStream

@Suite struct PairOperationTests {
    let words: [[String]] = [["a", "b", "a"], [], ["c", "a", "c", "c"]]

    @Test func reduceGroupAndCountByKey() throws {
        let reduced = try StreamTest.run(words) { $0.map { ($0, 1) }.reduceByKey(+) }
        #expect(equal(StreamTest.sorted(reduced), [[("a", 2), ("b", 1)], [], [("a", 1), ("c", 3)]]))
        let grouped = try StreamTest.run(words) { $0.map { ($0, $0.uppercased()) }.groupByKey() }
        #expect(grouped.map { $0.map(\.0).sorted() } == [["a", "b"], [], ["a", "c"]])
        #expect(grouped[2].first { $0.0 == "c" }?.1 == ["C", "C", "C"])
        let counted = try StreamTest.run(words) { $0.map { ($0, 0) }.countByKey() }
        #expect(equal(StreamTest.sorted(counted), [[("a", 2), ("b", 1)], [], [("a", 1), ("c", 3)]]))
    }

    @Test func keysKeepTheirOrderOfFirstAppearance() throws {
        let reduced = try StreamTest.run([["z", "y", "z", "x", "y"]]) { $0.map { ($0, 1) }.reduceByKey(+, partitionCount: 1) }
        #expect(reduced.first?.map(\.0) == ["z", "y", "x"])
    }

    @Test func mapValues() throws {
        let output = try StreamTest.run([[("a", 1), ("b", 2)]]) { $0.mapValues { $0 * 3 } }
        #expect(equal(output, [[("a", 3), ("b", 6)]]))
    }

    @Test func joinsPerBatch() throws {
        let left: [[(String, Int)]] = [[("a", 1), ("b", 2), ("a", 3)], [("c", 4)]]
        let joined = try StreamTest.run(left) { stream in
            stream.join(stream.filter { $0.0 == "a" }.map { ($0.0, "x\($0.1)") })
        }
        #expect(joined[0].map { "\($0.0)\($0.1.0)\($0.1.1)" }.sorted() == ["a1x1", "a1x3", "a3x1", "a3x3"])
        #expect(joined[1].isEmpty)

        let outer = try StreamTest.run(left) { stream in
            stream.leftOuterJoin(stream.filter { $0.1 == 2 }.mapValues { $0 * 100 })
        }
        #expect(outer[0].map { "\($0.0)\($0.1.0):\($0.1.1.map(String.init) ?? "nil")" }.sorted() == ["a1:nil", "a3:nil", "b2:200"])
        #expect(outer[1].map { "\($0.0)\($0.1.0):\($0.1.1.map(String.init) ?? "nil")" } == ["c4:nil"])
    }

    @Test func cogroupListsBothSides() throws {
        let output = try StreamTest.run([[("a", 1), ("b", 2), ("a", 3)]]) { stream in
            stream.cogroup(stream.filter { $0.0 == "b" }.mapValues { "v\($0)" })
        }
        let byKey = Dictionary(uniqueKeysWithValues: output[0].map { ($0.0, $0.1) })
        #expect(byKey["a"]?.0 == [1, 3] && byKey["a"]?.1 == [])
        #expect(byKey["b"]?.0 == [2] && byKey["b"]?.1 == ["v2"])
    }
}
