import Testing
@testable import SluiceCore

@Suite struct WorkerPoolTests {
    @Test(arguments: [1, 2, 4])
    func resultsComeBackInPartitionOrder(parallelism: Int) {
        let pool = WorkerPool(parallelism: parallelism)
        let partitions = Array(0 ..< 100)
        let results = pool.map(partitions) { partition in (0 ... partition * 10).reduce(0, &+) }
        #expect(results == partitions.map { (0 ... $0 * 10).reduce(0, &+) })
    }

    struct Failed: Error, Equatable { let partition: Int }

    @Test func rethrowsTheFirstFailureByPartitionOrder() {
        let pool = WorkerPool(parallelism: 2)
        #expect(throws: Failed(partition: 3)) {
            try pool.map(Array(0 ..< 10)) { partition in
                if partition == 3 || partition == 7 { throw Failed(partition: partition) }
                return partition
            }
        }
    }
}
