/// The kernels that load SIMD vectors straight from column memory.
///
/// Why unsafe: a `Double` sum written as a plain loop does not vectorize (IEEE addition is not
/// associative, so the compiler keeps the order), and building a `SIMD8` from eight bounds-checked
/// subscripts is three times slower than loading it. `RawSpan.unsafeLoadUnaligned` loads eight lanes at
/// once; it is unsafe only because the bytes must form valid values of the loaded type and lie inside
/// the span. Both hold here: every byte pattern is a valid `Double`, and each load at byte offset
/// `8 * index` is issued only while `index + 16 <= count`, so the 128 bytes read lie inside the span.
/// Remaining elements (fewer than 16) are added one by one.
enum UnsafeVectorKernels {
    /// The sum of `values`, in eight lanes with two accumulators.
    static func sum(_ values: Span<Double>) -> Double {
        let bytes = values.bytes
        var first = SIMD8<Double>()
        var second = SIMD8<Double>()
        var index = 0
        while index + 16 <= values.count {
            first += bytes.unsafeLoadUnaligned(fromByteOffset: index &* 8, as: SIMD8<Double>.self)
            second += bytes.unsafeLoadUnaligned(fromByteOffset: index &* 8 &+ 64, as: SIMD8<Double>.self)
            index &+= 16
        }
        var total = (first + second).sum()
        while index < values.count {
            total += values[index]
            index &+= 1
        }
        return total
    }
}
