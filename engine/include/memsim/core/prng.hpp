#pragma once
// A small deterministic pseudo-random generator (SplitMix64). memsim needs the same
// numbers on every platform, and std::uniform_*_distribution differs between standard
// libraries, so all randomness in the engine comes from here.
//
//   Prng rng{42};
//   uint64_t x = rng.next();           // full 64 bits
//   uint64_t die = rng.below(6);       // 0..5, without modulo bias
#include <cstdint>

namespace memsim {

class Prng {
public:
    explicit Prng(std::uint64_t seed = 0) : state_(seed) {}

    // The next 64 random bits.
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    // A uniform number in [0, bound); bound must be at least 1.
    std::uint64_t below(std::uint64_t bound) {
        // Rejection sampling keeps every value equally likely.
        const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
        std::uint64_t x = next();
        while (x >= limit) x = next();
        return x % bound;
    }

    // A uniform number in [lo, hi] (inclusive).
    std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + below(hi - lo + 1); }

    bool operator==(const Prng&) const = default;

private:
    std::uint64_t state_;
};

}  // namespace memsim
