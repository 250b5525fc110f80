#include "memsim/ostep/python_int.hpp"

#include <algorithm>

namespace memsim::ostep {
namespace {

// Python 3.11 refuses to convert more than 4300 decimal digits (sys.int_max_str_digits);
// other bases are capped at about the same number of bits to keep the cost bounded.
constexpr std::size_t max_decimal_digits = 4300;
constexpr std::size_t max_bits = 14300;

bool is_python_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
}

int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

void multiply_add(std::vector<std::uint32_t>& words, std::uint32_t factor, std::uint32_t add) {
    std::uint64_t carry = add;
    for (std::uint32_t& w : words) {
        const std::uint64_t v = std::uint64_t{w} * factor + carry;
        w = static_cast<std::uint32_t>(v);
        carry = v >> 32;
    }
    if (carry) words.push_back(static_cast<std::uint32_t>(carry));
}

std::uint32_t divide_small(std::vector<std::uint32_t>& words, std::uint32_t divisor) {
    std::uint64_t rest = 0;
    for (std::size_t i = words.size(); i-- > 0;) {
        const std::uint64_t v = (rest << 32) | words[i];
        words[i] = static_cast<std::uint32_t>(v / divisor);
        rest = v % divisor;
    }
    while (!words.empty() && words.back() == 0) words.pop_back();
    return static_cast<std::uint32_t>(rest);
}

bool has_prefix(std::string_view text, int base) {
    if (text.size() < 2 || text[0] != '0') return false;
    const char p = static_cast<char>(text[1] | 0x20);
    return (base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b');
}

}  // namespace

std::string PyInt::str() const {
    if (magnitude.empty()) return "0";
    std::vector<std::uint32_t> rest = magnitude;
    std::string digits;
    while (!rest.empty()) {
        std::uint32_t chunk = divide_small(rest, 1000000000u);
        for (int i = 0; i < 9 && (chunk || !rest.empty()); ++i, chunk /= 10) {
            digits.push_back(static_cast<char>('0' + chunk % 10));
        }
    }
    if (negative) digits.push_back('-');
    std::reverse(digits.begin(), digits.end());
    return digits;
}

std::optional<std::int64_t> PyInt::to_i64() const {
    if (magnitude.size() > 2) return std::nullopt;
    std::uint64_t m = 0;
    for (std::size_t i = magnitude.size(); i-- > 0;) m = (m << 32) | magnitude[i];
    if (negative) {
        if (m > (std::uint64_t{1} << 63)) return std::nullopt;
        return static_cast<std::int64_t>(0 - m);
    }
    if (m >= (std::uint64_t{1} << 63)) return std::nullopt;
    return static_cast<std::int64_t>(m);
}

std::vector<std::uint32_t> PyInt::seed_key() const {
    if (magnitude.empty()) return {0};
    return magnitude;
}

Result<PyInt> parse_python_int(std::string_view text, int base) {
    const auto invalid = [&] {
        return fail("ValueError: invalid literal for int() with base " + std::to_string(base) + ": " +
                    py_repr(text));
    };
    std::string_view s = text;
    while (!s.empty() && is_python_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_python_space(s.back())) s.remove_suffix(1);
    PyInt value;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        value.negative = s[0] == '-';
        s.remove_prefix(1);
    }
    bool underscore_ok = false;  // an underscore may follow a digit or the prefix
    if (has_prefix(s, base)) {
        s.remove_prefix(2);
        underscore_ok = true;
    }
    std::size_t digits = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (!underscore_ok || i + 1 == s.size()) return invalid();
            underscore_ok = false;
            continue;
        }
        const int d = digit_value(s[i]);
        if (d >= base) return invalid();
        multiply_add(value.magnitude, static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(d));
        underscore_ok = true;
        ++digits;
        if (value.magnitude.size() * 32 > max_bits) {
            return fail("ValueError: memsim keeps integers below " + std::to_string(max_bits) + " bits");
        }
    }
    if (digits == 0) return invalid();
    if (base == 10 && digits > max_decimal_digits) {
        return fail("ValueError: Exceeds the limit (4300 digits) for integer string conversion: value has " +
                    std::to_string(digits) + " digits");
    }
    while (!value.magnitude.empty() && value.magnitude.back() == 0) value.magnitude.pop_back();
    if (value.magnitude.empty()) value.negative = false;
    return value;
}

Result<PyInt> parse_optparse_int(std::string_view text) {
    // The base comes from the raw text: no space is skipped before the prefix.
    if (text.size() >= 2 && text[0] == '0' && (text[1] | 0x20) == 'x') return parse_python_int(text, 16);
    if (text.size() >= 2 && text[0] == '0' && (text[1] | 0x20) == 'b') {
        const std::string_view rest = text.substr(2);
        return parse_python_int(rest.empty() ? "0" : rest, 2);
    }
    if (!text.empty() && text[0] == '0') return parse_python_int(text, 8);
    return parse_python_int(text, 10);
}

std::string py_repr(std::string_view text) {
    const bool has_single = text.find('\'') != std::string_view::npos;
    const bool has_double = text.find('"') != std::string_view::npos;
    const char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == quote || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            static const char hexdigits[] = "0123456789abcdef";
            out += "\\x";
            out += hexdigits[u >> 4];
            out += hexdigits[u & 15];
        } else {
            out += c;
        }
    }
    out += quote;
    return out;
}

}  // namespace memsim::ostep
