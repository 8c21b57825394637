/// The xoshiro256** pseudo-random generator (Blackman and Vigna), seeded through SplitMix64.
///
/// Everything here is integer arithmetic, and the bounded draws are this type's own (not the standard
/// library's `random(in:)`, whose algorithm may change), so a seed gives the same numbers on every
/// platform and Swift version.
struct Xoshiro256StarStar {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// A generator whose state is four successive SplitMix64 outputs from `seed`.
    init(seed: UInt64) {
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var mixed = splitMix
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        let result = (state.1 &* 5).rotatedLeft(by: 7) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = state.3.rotatedLeft(by: 45)
        return result
    }

    /// A uniform draw from `0..<bound` (`bound` > 0), by Lemire's multiply-and-reject method.
    mutating func next(below bound: UInt64) -> UInt64 {
        precondition(bound > 0, "random draw below 0")
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }

    /// A uniform draw from `range`.
    mutating func next(in range: ClosedRange<Int64>) -> Int64 {
        let width = UInt64(bitPattern: range.upperBound &- range.lowerBound) &+ 1
        let offset = width == 0 ? next() : next(below: width)
        return range.lowerBound &+ Int64(bitPattern: offset)
    }

    /// True with probability `probability` (0...1), within 2⁻⁶⁴.
    mutating func nextIsTrue(probability: Double) -> Bool {
        guard probability < 1 else { return true }
        return next() < UInt64(probability * 18_446_744_073_709_551_616.0)
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(by count: UInt64) -> UInt64 {
        (self << count) | (self >> (64 - count))
    }
}
