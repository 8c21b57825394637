/// The 64-bit hash functions every kernel shares, so equal keys hash equally in every operator.
///
/// Integers go through the SplitMix64 finalizer (a bijection with full avalanche); byte strings through
/// FNV-1a followed by the same finalizer. Neither is keyed: these hashes partition and group data inside
/// one process, they are not exposed to untrusted key choice across a network.
public enum HashMixing {
    /// Scrambles a 64-bit value so that every input bit affects every output bit.
    @inlinable public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines a running row hash with the hash of the next column's value.
    @inlinable public static func combine(_ seed: UInt64, _ value: UInt64) -> UInt64 {
        mix(seed ^ (value &+ 0x9E37_79B9_7F4A_7C15 &+ (seed << 6) &+ (seed >> 2)))
    }

    /// The hash of a byte string.
    @inlinable public static func hash(bytes: Span<UInt8>) -> UInt64 {
        var state: UInt64 = 0xCBF2_9CE4_8422_2325
        for index in bytes.indices {
            state = (state ^ UInt64(bytes[index])) &* 0x0000_0100_0000_01B3
        }
        return mix(state)
    }

    /// The hash of a `Double`, equal for `0.0` and `-0.0` and for every NaN, as SQL grouping requires.
    @inlinable public static func hash(_ value: Double) -> UInt64 {
        if value == 0 { return mix(0) }
        if value.isNaN { return mix(Double.nan.bitPattern) }
        return mix(value.bitPattern)
    }

    /// The hash that stands for a null in any column.
    public static let null: UInt64 = 0x5EED_0F_A11_0000
}
