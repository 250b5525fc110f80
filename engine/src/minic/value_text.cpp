#include "memsim/minic/value_text.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "memsim/core/text.hpp"
#include "memsim/minic/float_bits.hpp"

namespace memsim::minic {

std::string char_text(std::uint64_t value) {
    const auto c = static_cast<unsigned char>(value);
    if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') return std::string("'") + static_cast<char>(c) + "'";
    if (c == 0) return "'\\0'";
    if (c == '\n') return "'\\n'";
    return std::to_string(static_cast<int>(static_cast<signed char>(c)));
}

std::string floating_text(double value, bool is_float) {
    char buffer[64];
    for (int digits = is_float ? 6 : 15; digits <= 17; ++digits) {
        std::snprintf(buffer, sizeof buffer, "%.*g", digits, value);
        const double back = std::strtod(buffer, nullptr);
        if (is_float ? static_cast<float>(back) == static_cast<float>(value) : back == value) break;
    }
    return buffer;
}

std::string scalar_text(const TypeTable& types, TypeId type, std::uint64_t bits) {
    const auto size = static_cast<std::uint8_t>(std::min<std::uint64_t>(types.size_of(type), 8));
    if (types.is_floating(type)) return size == 4 ? floating_text(bits_float(bits), true) : floating_text(bits_double(bits), false);
    if (types.is_pointer(type)) return bits == 0 ? "NULL" : hex(bits);
    if (types.get(type).kind == TypeKind::Char) return char_text(bits);
    if (types.is_unsigned(type)) return std::to_string(normalize_integer(bits, size, false));
    return std::to_string(static_cast<std::int64_t>(normalize_integer(bits, size, true)));
}

}  // namespace memsim::minic
