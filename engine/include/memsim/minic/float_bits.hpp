#pragma once
// Floating-point values as the IEEE 754 bits MiniC keeps them in: a float is its 32-bit
// pattern (zero-extended to 64), a double its 64-bit pattern. Memory, the operand stack
// and the library hold these bits, so a value is exactly the same natively and in WASM.
//
//   std::uint64_t bits = double_bits(0.5);   // 0x3FE0000000000000
//   bits_double(bits) == 0.5;
//   float_bits(1.0f) == 0x3F800000;
#include <cstdint>
#include <cstring>

namespace memsim::minic {

inline std::uint64_t double_bits(double d) {
    std::uint64_t bits = 0;
    std::memcpy(&bits, &d, sizeof bits);
    return bits;
}

inline double bits_double(std::uint64_t bits) {
    double d = 0;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

inline std::uint64_t float_bits(float f) {
    std::uint32_t bits = 0;
    std::memcpy(&bits, &f, sizeof bits);
    return bits;
}

inline float bits_float(std::uint64_t bits) {
    const auto low = static_cast<std::uint32_t>(bits);
    float f = 0;
    std::memcpy(&f, &low, sizeof f);
    return f;
}

// A value cut to `size` bytes (1, 2, 4 or 8): sign-extended when signed, else zero-extended.
inline std::uint64_t normalize_integer(std::uint64_t v, std::uint8_t size, bool is_signed) {
    if (size >= 8) return v;
    const unsigned bits = 8u * size;
    const std::uint64_t low = v & ((1ull << bits) - 1);
    const std::uint64_t sign = 1ull << (bits - 1);
    return is_signed ? (low ^ sign) - sign : low;
}

// A floating value converted to an integer of `size` bytes, truncated toward zero. C
// leaves values out of the type's range undefined; this gives what gcc's x86-64 code
// gives (cvttsd2si's "integer indefinite" 0x80000000...), and never traps as WASM would.
inline std::uint64_t float_to_integer(double d, std::uint8_t size, bool is_signed) {
    constexpr double two63 = 9223372036854775808.0;
    if (size == 8 && !is_signed && d >= two63 && d < 2 * two63) {
        return static_cast<std::uint64_t>(static_cast<std::int64_t>(d - two63)) ^ (1ull << 63);
    }
    // gcc converts to int, short and char (and unsigned short and char) in 32 bits.
    const bool in32 = is_signed ? size <= 4 : size <= 2;
    std::uint64_t bits = 0;
    if (in32) {
        const bool fits = d > -2147483649.0 && d < 2147483648.0;
        bits = static_cast<std::uint64_t>(static_cast<std::int64_t>(fits ? static_cast<std::int32_t>(d) : INT32_MIN));
    } else {
        const bool fits = d >= -two63 && d < two63;
        bits = fits ? static_cast<std::uint64_t>(static_cast<std::int64_t>(d)) : (1ull << 63);
    }
    return normalize_integer(bits, size, is_signed);
}

}  // namespace memsim::minic
