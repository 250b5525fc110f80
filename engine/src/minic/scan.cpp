#include "memsim/minic/scan.hpp"

#include <cstdlib>
#include <limits>

#include "memsim/minic/float_bits.hpp"

namespace memsim::minic {
namespace {

bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

int digit_value(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

struct Directive {
    bool suppress = false;  // '*'
    std::uint64_t width = std::numeric_limits<std::uint64_t>::max();
    char length = 0;        // 'H' hh, 'h', 'l', 'q' ll, 'j', 'z', 't', 'L'
    char letter = 0;
    std::string set{};      // %[...]: the bytes listed, ranges expanded
    bool negated = false;   // %[^...]
};

// The scan in progress: the input, the count of bytes read, and how the call ends.
struct Scanner {
    ScanInput& input;
    ScanTargets& targets;
    const ScanModel& model;
    ScanResult result{};

    int peek() { return input.peek(); }
    void take() {
        input.advance();
        ++result.consumed;
    }
    void skip_space() {
        while (is_space(peek())) take();
    }
    std::uint32_t size_of(char length) const {
        switch (length) {
            case 'H': return 1;
            case 'h': return 2;
            case 'l': return model.long_size;
            case 'q': case 'j': return 8;
            case 'z': case 't': return model.pointer_size;
            default: return 4;
        }
    }
};

// An integer as strtol (signed) or strtoul reads it, within the width, clamped to
// `bytes`; false when no digit came (a matching failure).
bool read_integer(Scanner& s, const Directive& d, int base, bool is_signed, std::uint32_t bytes, std::uint64_t& value) {
    std::uint64_t used = 0;
    auto can = [&] { return used < d.width; };
    auto take = [&] { s.take(); ++used; };
    bool negative = false, digits = false;
    if (can() && (s.peek() == '-' || s.peek() == '+')) {
        negative = s.peek() == '-';
        take();
    }
    if ((base == 0 || base == 16) && can() && s.peek() == '0') {
        take();
        digits = true;
        if (can() && (s.peek() == 'x' || s.peek() == 'X')) {
            take();
            base = 16;
        } else if (base == 0) {
            base = 8;
        }
    }
    if (base == 0) base = 10;
    const std::uint64_t unsigned_max = bytes >= 8 ? UINT64_MAX : (std::uint64_t{1} << (8 * bytes)) - 1;
    const std::uint64_t limit = is_signed ? (unsigned_max >> 1) + (negative ? 1 : 0) : unsigned_max;
    std::uint64_t magnitude = 0;
    bool overflow = false;
    while (can() && digit_value(s.peek()) < base) {
        const auto v = static_cast<std::uint64_t>(digit_value(s.peek()));
        if (magnitude > (limit - v) / static_cast<std::uint64_t>(base)) overflow = true;
        else magnitude = magnitude * static_cast<std::uint64_t>(base) + v;
        digits = true;
        take();
    }
    if (!digits) return false;
    if (overflow) magnitude = limit;
    value = negative && !(overflow && !is_signed) ? 0 - magnitude : magnitude;
    return true;
}

// Reads "[abc]", "[^a-z]" or "[]x]" at format[i] (just past the '['); false when unclosed.
bool parse_set(std::string_view format, std::size_t& i, Directive& d) {
    if (i < format.size() && format[i] == '^') {
        d.negated = true;
        ++i;
    }
    const std::size_t first = i;
    for (; i < format.size(); ++i) {
        const char c = format[i];
        if (c == ']' && i > first) return true;
        if (c == '-' && i > first && i + 1 < format.size() && format[i + 1] != ']') {
            const auto low = static_cast<unsigned char>(format[i - 1]), high = static_cast<unsigned char>(format[i + 1]);
            for (unsigned b = low; b <= high; ++b) d.set.push_back(static_cast<char>(b));
            ++i;
            continue;
        }
        d.set.push_back(c);
    }
    return false;
}

// One conversion; false ends the scan (the reason is in the result or the outcome).
enum class Outcome { Next, Matching, Input, Refused, Stopped };

Outcome store_integer(Scanner& s, const Directive& d, std::uint64_t value, std::uint32_t size) {
    if (d.suppress) return Outcome::Next;
    std::uint64_t target = 0;
    if (!s.targets.next(target)) {
        s.result.problem = std::string("scanf has more conversions than pointer arguments: '%") + d.letter + "' has nowhere to go";
        return Outcome::Refused;
    }
    if (!s.targets.store(target, size, value)) return Outcome::Stopped;
    ++s.result.assigned;
    return Outcome::Next;
}

Outcome store_text(Scanner& s, const Directive& d, const std::string& text, bool nul) {
    if (d.suppress) return Outcome::Next;
    std::uint64_t target = 0;
    if (!s.targets.next(target)) {
        s.result.problem = std::string("scanf has more conversions than pointer arguments: '%") + d.letter + "' has nowhere to go";
        return Outcome::Refused;
    }
    if (!s.targets.store_bytes(target, nul ? text + '\0' : text)) return Outcome::Stopped;
    ++s.result.assigned;
    return Outcome::Next;
}

int lower(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

// The text of a floating-point number as glibc's scanf gathers it (vfscanf-internal.c):
// a sign, then "nan", "inf" or "infinity" (a wrong letter is consumed and fails), or
// digits with one '.', an exponent after a digit ('e', or 'p' after a "0x" prefix) with
// an optional sign. The text is then converted by strtod, which may use only a prefix
// ("1e+" is 1). False is a matching failure: no text, a bare "0x", or nothing strtod takes.
bool read_floating_text(Scanner& s, const Directive& d, std::string& text) {
    std::uint64_t used = 0;
    auto can = [&] { return used < d.width && s.peek() >= 0; };
    auto take = [&] {
        text.push_back(static_cast<char>(s.peek()));
        s.take();
        ++used;
    };
    bool sign = false;
    if (s.peek() == '-' || s.peek() == '+') {
        take();
        sign = true;
        if (!can()) return false;
    }
    // "nan" and "inf" / "infinity": each letter must follow.
    auto letters = [&](std::string_view word) {
        for (const char want : word) {
            if (!can()) return false;
            const bool match = lower(s.peek()) == want;
            take();  // glibc reads the byte before it compares, so a wrong one is used up
            if (!match) return false;
        }
        return true;
    };
    if (can() && lower(s.peek()) == 'n') return letters("nan");
    if (can() && lower(s.peek()) == 'i') {
        if (!letters("inf")) return false;
        if (can() && lower(s.peek()) == 'i') return letters("inity");
        return true;
    }
    bool hex = false, digit = false, exponent = false, dot = false;
    if (can() && s.peek() == '0') {
        take();
        if (can() && lower(s.peek()) == 'x') {
            take();
            hex = true;
        } else {
            digit = true;
        }
    }
    const char exponent_letter = hex ? 'p' : 'e';
    while (can()) {
        const int c = s.peek();
        const bool is_digit = c >= '0' && c <= '9';
        if (is_digit || (hex && !exponent && digit_value(c) < 16)) {
            digit = true;
        } else if (exponent && lower(text.back()) == exponent_letter && (c == '-' || c == '+')) {
        } else if (digit && !exponent && lower(c) == exponent_letter) {
            exponent = dot = true;
        } else if (!dot && c == '.') {
            dot = true;
        } else {
            break;
        }
        take();
    }
    const std::size_t prefix = (sign ? 1u : 0u) + (hex ? 2u : 0u);
    return text.size() > (sign ? 1u : 0u) && !(hex && text.size() == prefix);
}

Outcome store_floating(Scanner& s, const Directive& d) {
    std::string text;
    if (!read_floating_text(s, d, text)) return Outcome::Matching;
    char* end = nullptr;
    const bool is_double = d.length == 'l';
    // glibc converts %f with strtof (one rounding to float) and %lf with strtod; both
    // round correctly, in glibc and in musl alike.
    const std::uint64_t bits = is_double ? double_bits(std::strtod(text.c_str(), &end)) : float_bits(std::strtof(text.c_str(), &end));
    if (end == text.c_str()) return Outcome::Matching;
    return store_integer(s, d, bits, is_double ? 8 : 4);
}

Outcome convert(Scanner& s, const Directive& d) {
    const char c = d.letter;
    if (c != 'c' && c != '[' && c != 'n') s.skip_space();
    if (c == 'n') return d.suppress ? Outcome::Next : [&] {
        std::uint64_t target = 0;
        if (!s.targets.next(target)) return Outcome::Refused;
        return s.targets.store(target, s.size_of(d.length), s.result.consumed) ? Outcome::Next : Outcome::Stopped;
    }();
    if (s.peek() < 0) return Outcome::Input;
    if (c == 'c') {
        std::string text;
        const std::uint64_t width = d.width == std::numeric_limits<std::uint64_t>::max() ? 1 : d.width;
        while (text.size() < width && s.peek() >= 0) {
            text.push_back(static_cast<char>(s.peek()));
            s.take();
        }
        return store_text(s, d, text, false);
    }
    if (c == 's' || c == '[') {
        std::string text;
        auto accepts = [&](int b) {
            if (c == 's') return !is_space(b);
            return (d.set.find(static_cast<char>(b)) != std::string::npos) != d.negated;
        };
        while (text.size() < d.width && s.peek() >= 0 && accepts(s.peek())) {
            text.push_back(static_cast<char>(s.peek()));
            s.take();
        }
        if (text.empty()) return Outcome::Matching;
        return store_text(s, d, text, true);
    }
    if (std::string_view("fFeEgGaA").find(c) != std::string_view::npos) return store_floating(s, d);
    const bool is_signed = c == 'd' || c == 'i';
    const int base = c == 'd' || c == 'u' ? 10 : c == 'i' ? 0 : c == 'o' ? 8 : 16;
    const std::uint32_t size = c == 'p' ? s.model.pointer_size : s.size_of(d.length);
    const std::uint32_t clamp = d.length == 'q' || d.length == 'j' ? 8 : c == 'p' ? s.model.pointer_size : s.model.long_size;
    std::uint64_t value = 0;
    if (!read_integer(s, d, base, is_signed, clamp, value)) return Outcome::Matching;
    return store_integer(s, d, value, size);
}

// Why a directive cannot run in MiniC, or "".
std::string refusal(const Directive& d) {
    const bool floating = std::string_view("fFeEgGaA").find(d.letter) != std::string_view::npos;
    if (floating && d.length == 'L') {
        return std::string("%L") + d.letter + " reads a long double, which MiniC does not have; read a double with %l" + d.letter;
    }
    if (floating && d.length != 0 && d.length != 'l') return std::string("'%") + d.letter + "' takes no length but l (double) or none (float)";
    if (d.length == 'l' && (d.letter == 's' || d.letter == 'c' || d.letter == '[')) return "wide characters (%ls, %lc) are not part of MiniC";
    if (!floating && std::string_view("diuoxXpcsn[").find(d.letter) == std::string_view::npos) {
        return d.letter == 0 ? std::string("the format ends in the middle of a conversion")
                             : std::string("'%") + d.letter + "' is not a conversion scanf knows";
    }
    return "";
}

// Reads the directive after a '%' at format[i]; i ends on its last byte.
bool parse_directive(std::string_view format, std::size_t& i, Directive& d) {
    if (i < format.size() && format[i] == '*') {
        d.suppress = true;
        ++i;
    }
    if (i < format.size() && format[i] >= '1' && format[i] <= '9') {
        d.width = 0;
        for (; i < format.size() && format[i] >= '0' && format[i] <= '9'; ++i) d.width = std::min<std::uint64_t>(d.width * 10 + static_cast<std::uint64_t>(format[i] - '0'), 1u << 30);
    }
    if (i + 1 < format.size() && format[i] == 'h' && format[i + 1] == 'h') { d.length = 'H'; i += 2; }
    else if (i + 1 < format.size() && format[i] == 'l' && format[i + 1] == 'l') { d.length = 'q'; i += 2; }
    else if (i < format.size() && std::string_view("hljztLq").find(format[i]) != std::string_view::npos) d.length = format[i++];
    if (i >= format.size()) return true;
    d.letter = format[i];
    if (d.letter == '[') {
        ++i;
        return parse_set(format, i, d);
    }
    return true;
}

}  // namespace

ScanResult scan_format(std::string_view format, ScanInput& input, ScanTargets& targets, const ScanModel& model) {
    Scanner s{.input = input, .targets = targets, .model = model};
    auto input_failure = [&s] {
        if (s.result.assigned == 0) s.result.assigned = -1;
        return s.result;
    };
    for (std::size_t i = 0; i < format.size(); ++i) {
        const char f = format[i];
        if (is_space(static_cast<unsigned char>(f))) {
            s.skip_space();
            continue;
        }
        if (f != '%' || (i + 1 < format.size() && format[i + 1] == '%')) {
            if (f == '%') {
                ++i;
                s.skip_space();
            }
            if (s.peek() < 0) return input_failure();
            if (s.peek() != static_cast<unsigned char>(f)) return s.result;
            s.take();
            continue;
        }
        ++i;
        Directive d;
        if (!parse_directive(format, i, d)) {
            s.result.problem = "scanf's %[ set has no closing ']'";
            return s.result;
        }
        if (const std::string why = refusal(d); !why.empty()) {
            s.result.problem = "scanf cannot read this conversion: " + why;
            return s.result;
        }
        switch (convert(s, d)) {
            case Outcome::Next: break;
            case Outcome::Matching: return s.result;
            case Outcome::Input: return input_failure();
            case Outcome::Refused:
                if (s.result.problem.empty()) s.result.problem = "scanf's %n has no pointer argument to store into";
                return s.result;
            case Outcome::Stopped:
                s.result.stopped = true;
                return s.result;
        }
    }
    return s.result;
}

}  // namespace memsim::minic
