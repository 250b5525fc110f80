#pragma once
// Small integer helpers shared by the layout, the stack and the program session.
#include <cstdint>

namespace memsim {

// The smallest multiple of `multiple` (any positive value, not only a power of two) at or
// above `value`. The caller keeps `value` far enough below 2^64 not to wrap.
constexpr std::uint64_t round_up_to_multiple(std::uint64_t value, std::uint64_t multiple) {
    return (value + multiple - 1) / multiple * multiple;
}

}  // namespace memsim
