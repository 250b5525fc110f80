#pragma once
// One flag per byte of a page, 64 to a word: a load asks whether its 1 to 8 bytes were all
// written, which is one mask test here where a std::vector<bool> took a loop of bit reads.
//
//   ByteFlags flags;  flags.assign(4096, false);
//   flags.set(8, 4, true);  flags.all(8, 4) == true;  flags.all(6, 4) == false
#include <cstddef>
#include <cstdint>
#include <vector>

namespace memsim::machine {

class ByteFlags {
public:
    bool empty() const { return words_.empty(); }
    // `count` flags, all `value`.
    void assign(std::size_t count, bool value) { words_.assign((count + 63) / 64, value ? ~0ull : 0); }
    bool test(std::size_t at) const { return (words_[at / 64] >> (at % 64)) & 1; }
    // Sets the flags of bytes [at, at + count).
    void set(std::size_t at, std::size_t count, bool value) {
        for_each_word(words_, at, count, [&](std::uint64_t& word, std::uint64_t mask) {
            word = value ? word | mask : word & ~mask;
            return true;
        });
    }
    // Whether the flags of bytes [at, at + count) are all set.
    bool all(std::size_t at, std::size_t count) const {
        bool every = true;
        for_each_word(words_, at, count, [&](const std::uint64_t& word, std::uint64_t mask) {
            return every = (word & mask) == mask;
        });
        return every;
    }
    bool operator==(const ByteFlags&) const = default;

private:
    // Calls fn(word, mask of the range's bits in it) for each word of `words` the range
    // touches, while fn returns true (`words` is the vector, const or not).
    template <typename Words, typename Fn>
    static void for_each_word(Words& words, std::size_t at, std::size_t count, Fn&& fn) {
        while (count > 0) {
            const std::size_t bit = at % 64, span = count < 64 - bit ? count : 64 - bit;
            const std::uint64_t mask = (span == 64 ? ~0ull : ((1ull << span) - 1)) << bit;
            if (!fn(words[at / 64], mask)) return;
            at += span;
            count -= span;
        }
    }

    std::vector<std::uint64_t> words_;
};

}  // namespace memsim::machine
