// stdlib.h: number parsing as glibc's strtol does it, abs, and glibc's rand.
#include "library_impl.hpp"

#include <cstdint>

namespace memsim::minic::library {
namespace {

// Reads a string one byte at a time, as strtol scans it (no read past what it needs).
class Cursor {
public:
    Cursor(Call& call, std::uint64_t start) : call_(call), start_(start) {}
    // The byte at offset i, or 0 once the host stopped the program.
    int at(std::uint64_t i) {
        while (bytes_.size() <= i) {
            std::uint8_t byte = 0;
            if (bytes_.size() >= max_string || !call_.load_byte(start_ + bytes_.size(), byte)) return 0;
            bytes_.push_back(static_cast<char>(byte));
            if (byte == 0) return 0;
        }
        return static_cast<unsigned char>(bytes_[static_cast<std::size_t>(i)]);
    }

private:
    Call& call_;
    std::uint64_t start_;
    std::string bytes_;
};

int digit_value(int c) {
    if (is_digit(c)) return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

struct Parsed {
    std::uint64_t value = 0;
    std::uint64_t end = 0;  // offset of the first byte not used
    bool overflow = false;  // clamped: strtol sets errno to ERANGE
};

// strtol's scan: spaces, a sign, 0x or 0 for the base, digits; the value clamped as C
// says for a `bytes`-wide result (signed or not). No digits: 0, and end = 0.
Parsed parse_integer(Cursor& s, int base, std::uint32_t bytes, bool is_signed) {
    std::uint64_t i = 0;
    while (is_space(s.at(i))) ++i;
    const bool negative = s.at(i) == '-';
    if (s.at(i) == '-' || s.at(i) == '+') ++i;
    if ((base == 0 || base == 16) && s.at(i) == '0' && (s.at(i + 1) == 'x' || s.at(i + 1) == 'X') && digit_value(s.at(i + 2)) < 16) {
        i += 2;
        base = 16;
    } else if (base == 0) {
        base = s.at(i) == '0' ? 8 : 10;
    }
    const std::uint64_t unsigned_max = bytes >= 8 ? UINT64_MAX : (std::uint64_t{1} << (8 * bytes)) - 1;
    const std::uint64_t limit = !is_signed ? unsigned_max : (unsigned_max >> 1) + (negative ? 1 : 0);
    const std::uint64_t first = i;
    std::uint64_t magnitude = 0;
    bool overflow = false;
    for (; digit_value(s.at(i)) < base; ++i) {
        const auto d = static_cast<std::uint64_t>(digit_value(s.at(i)));
        if (magnitude > (limit - d) / static_cast<std::uint64_t>(base)) overflow = true;
        else magnitude = magnitude * static_cast<std::uint64_t>(base) + d;
    }
    if (i == first) {
        // "0x" with no hex digit after it: the 0 is the number (end after it)
        return Parsed{.value = 0, .end = 0};
    }
    if (overflow) magnitude = limit;
    const std::uint64_t value = negative && !(overflow && !is_signed) ? 0 - magnitude : magnitude;
    return Parsed{.value = value & unsigned_max, .end = i, .overflow = overflow};
}

// Sign-extends a `bytes`-wide result to the 64-bit form the interpreter keeps.
std::uint64_t widened(std::uint64_t v, std::uint32_t bytes, bool is_signed) {
    if (bytes >= 8 || !is_signed) return v;
    const std::uint64_t sign = std::uint64_t{1} << (8 * bytes - 1);
    return (v ^ sign) - sign;
}

void strtol_call(Call& call, std::uint32_t bytes, bool is_signed, bool has_end, int base) {
    if (base < 0 || base == 1 || base > 36) {
        call.problem("strtol's base is 0 (from the prefix) or 2 to 36, not " + std::to_string(base) +
                     ": the call returns 0 and sets errno to EINVAL");
        call.out.value = 0;
        call.out.set_errno = errno_einval;
        return;
    }
    Cursor s(call, call.args[0]);
    const Parsed p = parse_integer(s, base, bytes, is_signed);
    if (!call.ok()) return;
    call.out.value = widened(p.value, bytes, is_signed);
    if (p.overflow) call.out.set_errno = errno_erange;
    if (has_end && call.args[1] != 0) {
        call.merge(call.host.store(call.args[1], call.context.pointer_size, call.args[0] + p.end));
    }
}

// glibc's srandom_r: the seed through 16807 * x mod (2^31 - 1) (Schrage's method, in
// 32-bit words as glibc computes it), then 310 outputs discarded.
std::int32_t next_random(RandState& r);

void seed_random(RandState& r, std::uint32_t seed) {
    if (seed == 0) seed = 1;
    r.words[0] = static_cast<std::int32_t>(seed);
    std::int32_t word = static_cast<std::int32_t>(seed);
    for (std::size_t i = 1; i < r.words.size(); ++i) {
        const std::int64_t hi = word / 127773, lo = word % 127773;
        std::int64_t next = 16807 * lo - 2836 * hi;
        if (next < 0) next += 2147483647;
        word = static_cast<std::int32_t>(next);
        r.words[i] = word;
    }
    r.front = 3;
    r.rear = 0;
    r.seeded = true;
    for (int i = 0; i < 310; ++i) next_random(r);
}

// glibc's random_r for TYPE_3: front += rear (wrapping), the result drops the low bit.
std::int32_t next_random(RandState& r) {
    if (!r.seeded) seed_random(r, 1);
    const std::uint32_t value = static_cast<std::uint32_t>(r.words[r.front]) + static_cast<std::uint32_t>(r.words[r.rear]);
    r.words[r.front] = static_cast<std::int32_t>(value);
    r.front = static_cast<std::uint8_t>((r.front + 1) % r.words.size());
    r.rear = static_cast<std::uint8_t>((r.rear + 1) % r.words.size());
    return static_cast<std::int32_t>(value >> 1);
}

std::uint64_t absolute(std::uint64_t v, std::uint32_t bytes) {
    const auto x = static_cast<std::int64_t>(widened(v, bytes, true));
    return widened(x < 0 ? 0 - static_cast<std::uint64_t>(x) : static_cast<std::uint64_t>(x), bytes, true);
}

// div, ldiv, lldiv: C99's truncating quotient and remainder of `bytes`-wide integers,
// stored field by field into the caller's slot (args[0]), whose address is the result.
void quotient_call(Call& call, std::uint32_t bytes) {
    const std::uint64_t mask = bytes >= 8 ? UINT64_MAX : (std::uint64_t{1} << (8 * bytes)) - 1;
    const auto numerator = static_cast<std::int64_t>(widened(call.args[1] & mask, bytes, true));
    const auto denominator = static_cast<std::int64_t>(widened(call.args[2] & mask, bytes, true));
    const std::int64_t lowest = bytes >= 8 ? INT64_MIN : -(std::int64_t{1} << (8 * bytes - 1));
    if (denominator == 0 || (denominator == -1 && numerator == lowest)) {
        call.fatal(std::string(call.id == Builtin::Div ? "div" : call.id == Builtin::Ldiv ? "ldiv" : "lldiv") +
                   (denominator == 0 ? " divides by zero" : " divides the lowest value by -1, whose quotient does not fit") +
                   ": the processor traps (SIGFPE) and the program stops");
        return;
    }
    const std::uint64_t quot = static_cast<std::uint64_t>(numerator / denominator);
    const std::uint64_t rem = static_cast<std::uint64_t>(numerator % denominator);
    call.merge(call.host.store(call.args[0], bytes, quot & mask));
    if (!call.ok()) return;
    call.merge(call.host.store(call.args[0] + bytes, bytes, rem & mask));
    call.out.value = call.args[0];
}

}  // namespace

void run_stdlib(Call& call) {
    const auto& a = call.args;
    const std::uint32_t long_size = call.context.long_size;
    switch (call.id) {
        case Builtin::Atoi:  // glibc: (int) strtol(s, NULL, 10)
            strtol_call(call, long_size, true, false, 10);
            call.out.value = widened(call.out.value & 0xFFFFFFFFu, 4, true);
            break;
        case Builtin::Atol: strtol_call(call, long_size, true, false, 10); break;
        case Builtin::Atoll: strtol_call(call, 8, true, false, 10); break;
        case Builtin::Strtol: strtol_call(call, long_size, true, true, static_cast<int>(call.int_arg(2))); break;
        case Builtin::Strtoul: strtol_call(call, long_size, false, true, static_cast<int>(call.int_arg(2))); break;
        case Builtin::Strtoll: strtol_call(call, 8, true, true, static_cast<int>(call.int_arg(2))); break;
        case Builtin::Strtoull: strtol_call(call, 8, false, true, static_cast<int>(call.int_arg(2))); break;
        case Builtin::Abs: call.out.value = absolute(a[0], 4); break;
        case Builtin::Labs: call.out.value = absolute(a[0], long_size); break;
        case Builtin::Llabs: call.out.value = absolute(a[0], 8); break;
        case Builtin::Rand: call.out.value = static_cast<std::uint64_t>(std::int64_t{next_random(call.state.rand)}); break;
        case Builtin::Srand: seed_random(call.state.rand, static_cast<std::uint32_t>(a[0])); break;
        case Builtin::Div: quotient_call(call, 4); break;
        case Builtin::Ldiv: quotient_call(call, long_size); break;
        case Builtin::Lldiv: quotient_call(call, 8); break;
        default: break;
    }
}

}  // namespace memsim::minic::library
