import SluiceCore

/// When a random-kills nemesis strikes: one kill every `every`, moved by up to `jitter` either way, for
/// the first `lasting` of the run; the same seed gives the same times.
enum KillSchedule {
    /// The kill times, µs since the run started, in increasing order.
    static func times(_ kills: Scenario.RandomKills) -> [Int64] {
        let every = kills.every.microseconds
        let jitter = kills.jitter.microseconds
        guard every > 0 else { return [] }
        var state = kills.seed
        var times: [Int64] = []
        var nominal = every
        while nominal <= kills.lasting.microseconds {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            mixed ^= mixed >> 31
            let shift = jitter > 0 ? Int64(mixed % UInt64(2 * jitter + 1)) - jitter : 0
            times.append(max(1, nominal + shift))
            nominal += every
        }
        return times.sorted()
    }
}
