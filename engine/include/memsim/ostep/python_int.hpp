#pragma once
// Python's integers as the OSTEP scripts meet them: `int(text)`, optparse's type="int"
// (which picks the base from a 0x, 0b or 0 prefix) and `str(n)`. Seeds may be any size
// (CPython seeds from every 32-bit word of |n|), so the value is kept whole; arithmetic in
// the scripts uses to_i64(), and a number beyond 64 bits is reported, not wrapped.
//
//   parse_python_int(" -1_000 ", 10)  -> -1000     (spaces, sign, underscores between digits)
//   parse_optparse_int("0x1f")        -> 31         "010" -> 8, "08" -> error, "0b" -> 0
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::ostep {

struct PyInt {
    bool negative = false;                 // never set for zero
    std::vector<std::uint32_t> magnitude{};  // |n| in 32-bit words, least significant first; empty for 0

    // str(n): decimal with a leading '-' when negative.
    std::string str() const;
    // The value when it fits in 64 signed bits.
    std::optional<std::int64_t> to_i64() const;
    // The key random.seed(n) uses: |n| in words, {0} for zero.
    std::vector<std::uint32_t> seed_key() const;
};

// int(text, base) for a str, base 2, 8, 10 or 16; the error is Python's ValueError text.
Result<PyInt> parse_python_int(std::string_view text, int base);

// optparse's type="int" conversion of an option value (the base from the prefix).
Result<PyInt> parse_optparse_int(std::string_view text);

// repr(text) for a str: quoted, with backslash escapes for quotes and control characters.
std::string py_repr(std::string_view text);

}  // namespace memsim::ostep
