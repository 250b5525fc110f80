// printf's floating conversions from the double's bits, with integer arithmetic only, so
// native and WebAssembly print the same digits (no host printf, no host libm).
#include <algorithm>
#include <vector>

#include "memsim/minic/format.hpp"

namespace memsim::minic {
namespace {

// A non-negative finite value as all its decimal digits: 0.d1 d2 d3 ... x 10^point.
// `digits` has no leading zero; it is empty for zero. A double's expansion is exact and
// at most 767 significant digits long.
struct Decimal {
    std::string digits{};
    int point = 0;
};

// A big natural number in base 10^9, least significant limb first.
using Limbs = std::vector<std::uint32_t>;
constexpr std::uint32_t limb_base = 1'000'000'000;

void multiply(Limbs& n, std::uint32_t factor) {
    std::uint64_t carry = 0;
    for (std::uint32_t& limb : n) {
        const std::uint64_t v = std::uint64_t{limb} * factor + carry;
        limb = static_cast<std::uint32_t>(v % limb_base);
        carry = v / limb_base;
    }
    while (carry != 0) {
        n.push_back(static_cast<std::uint32_t>(carry % limb_base));
        carry /= limb_base;
    }
}

std::string to_digits(const Limbs& n) {
    std::string text = std::to_string(n.back());
    for (std::size_t i = n.size() - 1; i-- > 0;) {
        const std::string part = std::to_string(n[i]);
        text.append(9 - part.size(), '0');
        text += part;
    }
    return text;
}

// mantissa x 2^exponent: times 2^e when e >= 0, else times 5^-e and a point moved left
// by -e (m x 2^-k = m x 5^k / 10^k).
Decimal exact_decimal(std::uint64_t mantissa, int exponent) {
    Decimal d;
    if (mantissa == 0) return d;
    Limbs n{static_cast<std::uint32_t>(mantissa % limb_base), static_cast<std::uint32_t>(mantissa / limb_base % limb_base),
            static_cast<std::uint32_t>(mantissa / limb_base / limb_base)};
    while (n.size() > 1 && n.back() == 0) n.pop_back();
    for (int e = exponent; e > 0; e -= std::min(e, 29)) multiply(n, std::uint32_t{1} << std::min(e, 29));
    for (int e = -exponent; e > 0; e -= std::min(e, 13)) {
        std::uint32_t five = 1;
        for (int k = 0; k < std::min(e, 13); ++k) five *= 5;
        multiply(n, five);
    }
    d.digits = to_digits(n);
    d.point = static_cast<int>(d.digits.size()) + std::min(exponent, 0);
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    return d;
}

// Rounds to the first `keep` digits (to nearest, ties to even); keep may be <= 0.
void round_to(Decimal& d, int keep) {
    if (keep >= static_cast<int>(d.digits.size())) return;
    if (keep < 0) {  // below half a unit of the last kept place
        d.digits.clear();
        return;
    }
    const auto k = static_cast<std::size_t>(keep);
    const char next = d.digits[k];
    const bool rest = d.digits.find_first_not_of('0', k + 1) != std::string::npos;
    const bool odd = k > 0 && (d.digits[k - 1] - '0') % 2 == 1;
    const bool up = next > '5' || (next == '5' && (rest || odd));
    d.digits.resize(k);
    if (up) {
        std::size_t i = k;
        while (i > 0 && d.digits[i - 1] == '9') d.digits[--i] = '0';
        if (i == 0) {
            d.digits.insert(0, "1");
            ++d.point;
        } else {
            ++d.digits[i - 1];
        }
    }
    while (!d.digits.empty() && d.digits.back() == '0') d.digits.pop_back();
    if (d.digits.empty()) d.point = 0;
}

char digit_at(const Decimal& d, int position) {  // position 0 is the first digit
    return position >= 0 && position < static_cast<int>(d.digits.size()) ? d.digits[static_cast<std::size_t>(position)] : '0';
}

// %f: the integer part, then `precision` fraction digits.
std::string fixed(Decimal d, int precision, bool alternate) {
    round_to(d, d.point + precision);
    std::string text;
    if (d.point <= 0) text = "0";
    for (int p = 0; p < d.point; ++p) text.push_back(digit_at(d, p));
    if (precision > 0 || alternate) text.push_back('.');
    for (int p = 0; p < precision; ++p) text.push_back(digit_at(d, d.point + p));
    return text;
}

// %e: one digit, `precision` more after the point, then e+XX.
std::string scientific(Decimal d, int precision, bool alternate, bool upper) {
    round_to(d, precision + 1);
    const int exponent = d.digits.empty() ? 0 : d.point - 1;
    std::string text(1, digit_at(d, 0));
    if (precision > 0 || alternate) text.push_back('.');
    for (int p = 1; p <= precision; ++p) text.push_back(digit_at(d, p));
    text.push_back(upper ? 'E' : 'e');
    text.push_back(exponent < 0 ? '-' : '+');
    const std::string e = std::to_string(exponent < 0 ? -exponent : exponent);
    if (e.size() < 2) text.push_back('0');
    return text + e;
}

// Drops a %g result's trailing fraction zeros, and the point if nothing follows it.
void strip_fraction_zeros(std::string& text) {
    const std::size_t point = text.find('.');
    if (point == std::string::npos) return;
    const std::size_t e = text.find_first_of("eE", point);
    std::string tail = e == std::string::npos ? "" : text.substr(e);
    std::string head = text.substr(0, e);
    while (head.back() == '0') head.pop_back();
    if (head.back() == '.') head.pop_back();
    text = head + tail;
}

// %g: %e or %f, whichever C's rule picks for the exponent after rounding to P digits.
std::string general(const Decimal& d, int precision, bool alternate, bool upper) {
    const int p = precision == 0 ? 1 : precision;
    Decimal rounded = d;
    round_to(rounded, p);
    const int exponent = rounded.digits.empty() ? 0 : rounded.point - 1;
    const int unrounded = d.digits.empty() ? 0 : d.point - 1;
    std::string text = p > exponent && exponent >= -4 ? fixed(d, p - 1 - exponent, alternate)
                                                      : scientific(d, p - 1, alternate, upper);
    // glibc picks the style from the unrounded exponent: when that is P-1 and rounding
    // carries to 10^P, it switches to %e but keeps %f's zero fraction digits, so "%#g"
    // of 999999.5 is "1.e+06" (C says "1.00000e+06"; without '#' both are "1e+06").
    if (unrounded == p - 1 && exponent == p) text = scientific(d, 0, alternate, upper);
    if (!alternate) strip_fraction_zeros(text);
    return text;
}

// %a: 0x1.hhhhp+e (normal) or 0x0.hhhhp-1022 (subnormal), the 52 fraction bits as 13
// hex digits, rounded to `precision` digits (ties to even) or trimmed of trailing zeros.
std::string hexadecimal(std::uint64_t fraction, int biased, int precision, bool alternate, bool upper) {
    std::uint64_t lead = biased == 0 ? 0 : 1;
    int exponent = biased == 0 ? (fraction == 0 ? 0 : -1022) : biased - 1023;
    int digits = 13;
    if (precision >= 0 && precision < 13) {
        const int drop = 4 * (13 - precision);
        const std::uint64_t kept = fraction >> drop;
        const std::uint64_t rest = fraction & ((std::uint64_t{1} << drop) - 1);
        const std::uint64_t half = std::uint64_t{1} << (drop - 1);
        std::uint64_t value = (lead << (4 * precision)) | kept;
        if (rest > half || (rest == half && (value & 1) != 0)) ++value;
        lead = value >> (4 * precision);
        fraction = value & ((std::uint64_t{1} << (4 * precision)) - 1);
        digits = precision;
    }
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string hex;
    for (int i = digits - 1; i >= 0; --i) hex.push_back(set[(fraction >> (4 * i)) & 0xF]);
    if (precision < 0) {
        while (!hex.empty() && hex.back() == '0') hex.pop_back();
    } else {
        hex.append(static_cast<std::size_t>(precision - digits), '0');
    }
    std::string text = upper ? "0X" : "0x";
    text += set[lead];
    if (!hex.empty() || alternate) text += ".";
    text += hex;
    text += upper ? "P" : "p";
    text += exponent < 0 ? "-" : "+";
    return text + std::to_string(exponent < 0 ? -exponent : exponent);
}

}  // namespace

std::string format_double(const FormatSpec& spec, std::uint64_t bits) {
    const bool negative = (bits >> 63) != 0;
    const int biased = static_cast<int>((bits >> 52) & 0x7FF);
    const std::uint64_t fraction = bits & ((std::uint64_t{1} << 52) - 1);
    const char c = spec.letter;
    const bool upper = c == 'F' || c == 'E' || c == 'G' || c == 'A';
    const std::string sign = negative ? "-" : spec.plus ? "+" : spec.space ? " " : "";
    if (biased == 0x7FF) {  // inf and nan: no zeros, glibc pads them with spaces
        const std::string word = fraction != 0 ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        return pad_field(spec, sign + word, sign.size(), false);
    }
    const int precision = spec.precision < 0 ? 6 : spec.precision;
    std::string body;
    if (c == 'a' || c == 'A') {
        body = hexadecimal(fraction, biased, spec.precision, spec.alternate, upper);
    } else {
        const std::uint64_t mantissa = biased == 0 ? fraction : fraction | (std::uint64_t{1} << 52);
        const Decimal d = exact_decimal(mantissa, (biased == 0 ? 1 : biased) - 1075);
        if (c == 'f' || c == 'F') body = fixed(d, precision, spec.alternate);
        else if (c == 'e' || c == 'E') body = scientific(d, precision, spec.alternate, upper);
        else body = general(d, precision, spec.alternate, upper);
    }
    const std::size_t prefix = sign.size() + (c == 'a' || c == 'A' ? 2 : 0);
    return pad_field(spec, sign + body, prefix, true);
}

}  // namespace memsim::minic
