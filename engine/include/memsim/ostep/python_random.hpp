#pragma once
// CPython's `random` module, bit for bit: the OSTEP homework scripts draw every problem
// from it, so `memsim ostep` needs the very same stream to print the same problem.
//
// The generator is the Mersenne Twister MT19937 (Matsumoto and Nishimura). CPython seeds
// it from an integer with init_by_array over the integer's absolute value cut into
// 32-bit words, least significant first (seed 0 is the one-word key {0}).
//
//   PythonRandom rng{seed_words(42)};
//   double x = rng.random();            // [0, 1) from two draws: 27 + 26 bits = 53 bits
//   uint64_t r = rng.randbelow(10);     // what _randbelow(10) gives: getrandbits with rejection
//
//   random() = ((a >> 5) * 2^26 + (b >> 6)) / 2^53     with a, b two 32-bit outputs
#include <cstdint>
#include <span>
#include <vector>

namespace memsim::ostep {

class PythonRandom {
public:
    // Seeded like `random.seed(n)` where key holds |n| as 32-bit words, least significant first.
    explicit PythonRandom(std::span<const std::uint32_t> key);

    // The next raw 32-bit output of MT19937 (genrand_uint32).
    std::uint32_t next_u32();
    // random.random(): a float in [0, 1) with 53 random bits.
    double random();
    // random.getrandbits(k) for k in 0..64.
    std::uint64_t getrandbits(int k);
    // random._randbelow(n) for n >= 1: a number in [0, n), by rejection on bit_length(n) bits.
    std::uint64_t randbelow(std::uint64_t n);
    // random.randrange(start, stop) for start < stop.
    std::int64_t randrange(std::int64_t start, std::int64_t stop);
    // random.randint(a, b) for a <= b: both ends included.
    std::int64_t randint(std::int64_t a, std::int64_t b);
    // random.uniform(a, b): a + (b - a) * random().
    double uniform(double a, double b);
    // random.choice(seq) picks seq[choice_index(seq.size())]; size must be at least 1.
    std::size_t choice_index(std::size_t size);
    // random.shuffle(items): the same permutation CPython makes.
    template <class T>
    void shuffle(std::vector<T>& items) {
        for (std::size_t i = items.size(); i-- > 1;) {
            const auto j = static_cast<std::size_t>(randbelow(i + 1));
            std::swap(items[i], items[j]);
        }
    }

private:
    std::uint32_t state_[624] = {};
    int index_ = 624;
};

// The key CPython uses for an integer seed: |seed| in 32-bit words ({0} for zero).
std::vector<std::uint32_t> seed_words(std::uint64_t magnitude);

}  // namespace memsim::ostep
