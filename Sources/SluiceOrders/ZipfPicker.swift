/// Picks a rank in `0..<count` with probability proportional to `1 / (rank + 1)`: Zipf's law, exponent 1.
///
/// The weights are integers (`2⁴⁰ / (rank + 1)`), so the picks depend on nothing platform-specific.
/// With 100 ranks, rank 0 is picked about 19 % of the time and rank 99 about 0.19 %.
struct ZipfPicker {
    /// `cumulativeWeights[rank]` is the sum of the weights of ranks `0...rank`.
    private let cumulativeWeights: [UInt64]

    /// A picker over `count` (> 0) ranks.
    init(count: Int) {
        precondition(count > 0, "Zipf picker over no ranks")
        var total: UInt64 = 0
        cumulativeWeights = (1...count).map { rankFromOne in
            total += (1 << 40) / UInt64(rankFromOne)
            return total
        }
    }

    /// The next rank, drawn from `random`.
    func pick(using random: inout Xoshiro256StarStar) -> Int {
        let draw = random.next(below: cumulativeWeights[cumulativeWeights.count - 1])
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > draw {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
