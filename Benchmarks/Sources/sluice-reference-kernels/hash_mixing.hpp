// The SplitMix64 finalizer, exactly as SluiceCore's HashMixing.mix computes it.
#pragma once
#include <cstdint>

inline uint64_t mix(uint64_t value) {
    uint64_t z = value + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
