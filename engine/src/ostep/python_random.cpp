#include "memsim/ostep/python_random.hpp"

#include <bit>

namespace memsim::ostep {
namespace {

constexpr int state_size = 624;
constexpr int shift_size = 397;
constexpr std::uint32_t matrix_a = 0x9908b0dfu;
constexpr std::uint32_t upper_mask = 0x80000000u;
constexpr std::uint32_t lower_mask = 0x7fffffffu;

void init_genrand(std::uint32_t (&mt)[624], std::uint32_t s) {
    mt[0] = s;
    for (std::uint32_t i = 1; i < state_size; ++i) {
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
    }
}

}  // namespace

PythonRandom::PythonRandom(std::span<const std::uint32_t> key) {
    // init_by_array, as in the reference mt19937ar.c that CPython ships.
    init_genrand(state_, 19650218u);
    std::uint32_t i = 1;
    std::uint32_t j = 0;
    const auto length = static_cast<std::uint32_t>(key.empty() ? 1 : key.size());
    for (std::uint32_t k = state_size > length ? state_size : length; k > 0; --k) {
        const std::uint32_t word = key.empty() ? 0u : key[j];
        state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1664525u)) + word + j;
        ++i;
        ++j;
        if (i >= state_size) {
            state_[0] = state_[state_size - 1];
            i = 1;
        }
        if (j >= length) j = 0;
    }
    for (std::uint32_t k = state_size - 1; k > 0; --k) {
        state_[i] = (state_[i] ^ ((state_[i - 1] ^ (state_[i - 1] >> 30)) * 1566083941u)) - i;
        ++i;
        if (i >= state_size) {
            state_[0] = state_[state_size - 1];
            i = 1;
        }
    }
    state_[0] = 0x80000000u;  // the most significant bit is 1: a non-zero initial state
    index_ = state_size;
}

std::uint32_t PythonRandom::next_u32() {
    if (index_ >= state_size) {
        for (int k = 0; k < state_size; ++k) {
            const std::uint32_t y = (state_[k] & upper_mask) | (state_[(k + 1) % state_size] & lower_mask);
            state_[k] = state_[(k + shift_size) % state_size] ^ (y >> 1) ^ ((y & 1u) ? matrix_a : 0u);
        }
        index_ = 0;
    }
    std::uint32_t y = state_[index_++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

double PythonRandom::random() {
    const std::uint32_t a = next_u32() >> 5;
    const std::uint32_t b = next_u32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

std::uint64_t PythonRandom::getrandbits(int k) {
    if (k <= 0) return 0;
    if (k <= 32) return next_u32() >> (32 - k);
    // Wider results are filled 32 bits at a time, least significant word first; the last
    // word keeps only its top bits.
    const std::uint64_t low = next_u32();
    const std::uint64_t high = next_u32() >> (64 - k);
    return low | (high << 32);
}

std::uint64_t PythonRandom::randbelow(std::uint64_t n) {
    const int k = static_cast<int>(std::bit_width(n));
    std::uint64_t r = getrandbits(k);
    while (r >= n) r = getrandbits(k);
    return r;
}

std::int64_t PythonRandom::randrange(std::int64_t start, std::int64_t stop) {
    const auto width = static_cast<std::uint64_t>(stop) - static_cast<std::uint64_t>(start);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(start) + randbelow(width));
}

std::int64_t PythonRandom::randint(std::int64_t a, std::int64_t b) { return randrange(a, b + 1); }

double PythonRandom::uniform(double a, double b) { return a + (b - a) * random(); }

std::size_t PythonRandom::choice_index(std::size_t size) { return static_cast<std::size_t>(randbelow(size)); }

std::vector<std::uint32_t> seed_words(std::uint64_t magnitude) {
    std::vector<std::uint32_t> key{static_cast<std::uint32_t>(magnitude)};
    if (magnitude >> 32) key.push_back(static_cast<std::uint32_t>(magnitude >> 32));
    return key;
}

}  // namespace memsim::ostep
