// Double-double arithmetic: a value is hi + lo with |lo| <= half an ulp of hi, so hi is
// the value rounded to double. Each operation is exact IEEE arithmetic (no fma, no libm),
// so native and WASM builds compute the same bits.
#include "math_functions.hpp"

#include <cmath>
#include <cstdint>
#include <utility>

#include "memsim/minic/float_bits.hpp"
#include "two_over_pi.hpp"

namespace memsim::minic::math {
namespace {

struct DD {
    double hi = 0;
    double lo = 0;
};

DD quick_two_sum(double a, double b) {
    const double s = a + b;
    return {s, b - (s - a)};
}

DD two_sum(double a, double b) {
    const double s = a + b;
    const double bb = s - a;
    return {s, (a - (s - bb)) + (b - bb)};
}

// Dekker's split: a = hi + lo with 26-bit halves, so their products are exact.
void split(double a, double& hi, double& lo) {
    const double t = 134217729.0 * a;
    hi = t - (t - a);
    lo = a - hi;
}

DD two_prod(double a, double b) {
    const double p = a * b;
    double ah = 0, al = 0, bh = 0, bl = 0;
    split(a, ah, al);
    split(b, bh, bl);
    return {p, ((ah * bh - p) + ah * bl + al * bh) + al * bl};
}

DD add(DD a, DD b) {
    DD s = two_sum(a.hi, b.hi);
    const DD t = two_sum(a.lo, b.lo);
    s.lo += t.hi;
    s = quick_two_sum(s.hi, s.lo);
    s.lo += t.lo;
    return quick_two_sum(s.hi, s.lo);
}

DD neg(DD a) { return {-a.hi, -a.lo}; }
DD sub(DD a, DD b) { return add(a, neg(b)); }

DD mul(DD a, DD b) {
    DD p = two_prod(a.hi, b.hi);
    p.lo += a.hi * b.lo + a.lo * b.hi;
    return quick_two_sum(p.hi, p.lo);
}

DD mul(DD a, double b) { return mul(a, DD{b, 0}); }

DD div(DD a, DD b) {
    const double q1 = a.hi / b.hi;
    DD r = sub(a, mul(b, q1));
    const double q2 = r.hi / b.hi;
    r = sub(r, mul(b, q2));
    const double q3 = r.hi / b.hi;
    return add(quick_two_sum(q1, q2), DD{q3, 0});
}

DD sqrt_dd(DD a) {
    if (a.hi <= 0) return {};
    const double s = std::sqrt(a.hi);  // an exact IEEE operation
    const DD p = two_prod(s, s);
    const double diff = ((a.hi - p.hi) - p.lo) + a.lo;
    return quick_two_sum(s, diff / (2 * s));
}

// Constants to about 107 bits (the leading terms of their exact values).
constexpr DD ln2{6.931471805599452862e-01, 2.319046813846299558e-17};
constexpr DD pi{3.141592653589793116e+00, 1.224646799147353207e-16};
constexpr DD half_pi{1.570796326794896558e+00, 6.123233995736766036e-17};
constexpr DD quarter_pi{7.853981633974482790e-01, 3.061616997868383018e-17};
// pi/2 in four parts for the reduction of sin and cos arguments.
constexpr double half_pi_parts[] = {1.570796326794896558e+00, 6.123233995736766036e-17, -1.497384904859169833e-33,
                                    5.562271104316826e-50};

constexpr std::uint64_t negative_nan = 0xFFF8000000000000ull;  // x86's default NaN: glibc's domain error
double domain_error() { return bits_double(negative_nan); }
double quiet(double x) { return bits_double(double_bits(x) | 0x0008000000000000ull); }

// 2^k for k in [-1022, 1023], exact.
double power_of_two(int k) { return bits_double(static_cast<std::uint64_t>(k + 1023) << 52); }

// x * 2^k without overflow on the way (exact unless the result is subnormal).
double scale(double x, int k) {
    while (k > 1000) {
        x *= power_of_two(1000);
        k -= 1000;
    }
    while (k < -1000) {
        x *= power_of_two(-1000);
        k += 1000;
    }
    return x * power_of_two(k);
}

// e^r for |r| <= 0.35 by its Taylor series.
DD exp_small(DD r) {
    DD sum{1, 0}, term{1, 0};
    for (int n = 1; n < 40; ++n) {
        term = div(mul(term, r), DD{static_cast<double>(n), 0});
        sum = add(sum, term);
        if (std::fabs(term.hi) < 1e-36) break;
    }
    return sum;
}

// e^t as a double: t = k ln2 + r, e^t = 2^k e^r.
double exp_dd(DD t) {
    if (t.hi > 709.8) return HUGE_VAL;
    if (t.hi < -745.2) return 0.0;
    const double k = std::floor(t.hi / ln2.hi + 0.5);
    const DD r = sub(t, add(two_prod(k, ln2.hi), DD{k * ln2.lo, 0}));
    const DD e = exp_small(r);
    const int ki = static_cast<int>(k);
    if (ki < -1021) return scale(e.hi + e.lo, ki);  // subnormal: one rounding of the sum, then the scaling
    return scale(e.hi, ki);
}

// ln(x) for finite x > 0, as double-double: x = m 2^e, ln m = 2 atanh((m-1)/(m+1)).
DD log_dd(double x) {
    int e = 0;
    if (x < 0x1p-1022) {
        x *= 0x1p54;
        e = -54;
    }
    const std::uint64_t bits = double_bits(x);
    e += static_cast<int>((bits >> 52) & 0x7FF) - 1023;
    double m = bits_double((bits & 0x000FFFFFFFFFFFFFull) | 0x3FF0000000000000ull);
    if (m > 1.4142135623730951) {
        m *= 0.5;
        ++e;
    }
    const DD s = div(DD{m - 1, 0}, two_sum(m, 1));
    const DD s2 = mul(s, s);
    DD sum = s, power = s;
    for (int k = 1; k < 40; ++k) {
        power = mul(power, s2);
        const DD term = div(power, DD{2.0 * k + 1, 0});
        sum = add(sum, term);
        if (std::fabs(term.hi) < 1e-36) break;
    }
    const DD log_m = mul(sum, 2.0);
    const double ed = static_cast<double>(e);
    return add(add(two_prod(ed, ln2.hi), DD{ed * ln2.lo, 0}), log_m);
}

// atan(x) for x >= 0 (x <= 1 or not), as double-double.
DD atan_dd(DD x) {
    if (x.hi > 1) return sub(half_pi, atan_dd(div(DD{1, 0}, x)));
    // Two halvings of the angle: atan x = 2 atan(x / (1 + sqrt(1 + x^2))).
    for (int i = 0; i < 2; ++i) x = div(x, add(DD{1, 0}, sqrt_dd(add(DD{1, 0}, mul(x, x)))));
    const DD x2 = mul(x, x);
    DD sum = x, power = x;
    for (int k = 1; k < 60; ++k) {
        power = neg(mul(power, x2));
        const DD term = div(power, DD{2.0 * k + 1, 0});
        sum = add(sum, term);
        if (std::fabs(term.hi) < 1e-36) break;
    }
    return mul(sum, 4.0);
}

// The angle of (x, y) for x, y >= 0, as double-double.
DD angle_dd(DD y, DD x) {
    if (y.hi <= x.hi) return atan_dd(div(y, x));
    return sub(half_pi, atan_dd(div(x, y)));
}

// sin and cos of r, |r| <= pi/4, by their Taylor series.
DD sin_small(DD r) {
    const DD r2 = mul(r, r);
    DD sum = r, term = r;
    for (int n = 1; n < 40; ++n) {
        term = neg(div(mul(term, r2), DD{(2.0 * n) * (2.0 * n + 1), 0}));
        sum = add(sum, term);
        if (std::fabs(term.hi) < 1e-36) break;
    }
    return sum;
}

DD cos_small(DD r) {
    const DD r2 = mul(r, r);
    DD sum{1, 0}, term{1, 0};
    for (int n = 1; n < 40; ++n) {
        term = neg(div(mul(term, r2), DD{(2.0 * n - 1) * (2.0 * n), 0}));
        sum = add(sum, term);
        if (std::fabs(term.hi) < 1e-36) break;
    }
    return sum;
}

// 32 bits of 2/pi from bit `offset` (0 = the first bit after the point); bits before the
// point are 0, since 2/pi < 1.
std::uint32_t two_over_pi_word(int offset) {
    if (offset <= -32) return 0;
    if (offset < 0) return two_over_pi_bits[0] >> -offset;
    const auto w = static_cast<std::size_t>(offset / 32);
    const int shift = offset % 32;
    const std::uint32_t next = w + 1 < two_over_pi_bits.size() ? two_over_pi_bits[w + 1] : 0;
    if (shift == 0) return two_over_pi_bits[w];
    return (two_over_pi_bits[w] << shift) | (next >> (32 - shift));
}

// Payne-Hanek: x = m 2^e with a 53-bit integer m, and x 2/pi = m 2^e sum(b_i 2^-i). The
// bits with i <= e - 2 add multiples of 4 (a whole turn), so only the next 256 bits of
// 2/pi matter: their product with m, an exact 309-bit integer, holds the quadrant and a
// fraction of turn correct to about 200 bits, far more than the closest a double comes
// to a multiple of pi/2 (about 2^-62) can cancel.
DD reduce_large(double x, int& quadrant) {
    const std::uint64_t bits = double_bits(std::fabs(x));
    const std::uint64_t m = (bits & 0x000FFFFFFFFFFFFFull) | (std::uint64_t{1} << 52);  // x is normal here
    const int e = static_cast<int>((bits >> 52) & 0x7FF) - 1075;
    constexpr int limbs = 8;  // the 256-bit window, least significant limb first
    std::uint32_t window[limbs];
    for (int j = 0; j < limbs; ++j) window[limbs - 1 - j] = two_over_pi_word(e - 2 + 32 * j);
    // product = m * window, scaled by 2^(e - (e - 2) - 256) = 2^-254.
    std::uint32_t product[limbs + 2] = {};
    const std::uint64_t m_parts[2] = {m & 0xFFFFFFFFu, m >> 32};
    for (int i = 0; i < 2; ++i) {
        std::uint64_t carry = 0;
        for (int j = 0; j < limbs; ++j) {
            const std::uint64_t t = m_parts[i] * window[j] + product[i + j] + carry;
            product[i + j] = static_cast<std::uint32_t>(t);
            carry = t >> 32;
        }
        product[i + limbs] = static_cast<std::uint32_t>(carry);
    }
    // Bits 254 and 255 are the quadrant; below them the fraction of a quadrant.
    quadrant = static_cast<int>(product[7] >> 30);
    product[7] &= 0x3FFFFFFFu;
    const bool round_up = (product[7] >> 29) != 0;  // fraction >= 1/2: the next quadrant, minus the rest
    if (round_up) {
        quadrant = (quadrant + 1) & 3;
        std::uint64_t borrow = 0;  // fraction = 2^254 - fraction
        for (int j = 0; j < limbs; ++j) {
            const std::uint64_t top = j == 7 ? (std::uint64_t{1} << 30) : 0;
            const std::uint64_t t = top - product[j] - borrow;
            product[j] = static_cast<std::uint32_t>(t);
            borrow = (t >> 32) & 1;
        }
    }
    DD fraction{};
    for (int j = limbs - 1; j >= 0; --j) fraction = add(fraction, DD{scale(static_cast<double>(product[j]), 32 * j - 254), 0});
    DD r = mul(fraction, half_pi);
    if (round_up) r = neg(r);
    if (x < 0) {
        r = neg(r);
        quadrant = (4 - quadrant) & 3;
    }
    return r;
}

// x = k pi/2 + r; returns r (|r| <= pi/4) and k mod 4. Below 2^30 four parts of pi/2 are
// exact enough; beyond, the bits of 2/pi do it.
DD reduce(double x, int& quadrant) {
    if (std::fabs(x) >= 0x1p30) return reduce_large(x, quadrant);
    const double k = std::floor(x / half_pi.hi + 0.5);
    DD r{x, 0};
    for (double part : half_pi_parts) r = sub(r, two_prod(k, part));
    const double k4 = k - 4 * std::floor(k / 4);
    quadrant = static_cast<int>(k4);
    return r;
}

bool is_odd_integer(double y) {
    if (std::fabs(y) >= 0x1p53 || y != std::trunc(y)) return false;
    return std::fmod(y, 2.0) != 0;
}

}  // namespace

double exp(double x) {
    if (std::isnan(x)) return quiet(x);
    return exp_dd(DD{x, 0});
}

double log(double x) {
    if (std::isnan(x)) return quiet(x);
    if (x < 0) return domain_error();
    if (x == 0) return -HUGE_VAL;
    if (std::isinf(x)) return x;
    return log_dd(x).hi;
}

// glibc 2.36's log10 is not correctly rounded: it splits x = 2^k y (y in [1, 2) for
// k >= 0, in [0.5, 1) for k < 0) and returns k lg2_lo + ln(y)/ln 10 + k lg2_hi in double
// arithmetic (the fdlibm method). The same steps with memsim's correctly rounded ln give
// glibc's bits.
double log10(double x) {
    if (std::isnan(x) || x <= 0 || std::isinf(x)) return log(x);
    constexpr double inverse_ln10 = 4.34294481903251816668e-01;
    constexpr double lg2_hi = 3.01029995663611771306e-01;
    constexpr double lg2_lo = 3.69423907715893078616e-13;
    int k = 0;
    if (x < 0x1p-1022) {
        x *= 0x1p54;
        k = -54;
    }
    const std::uint64_t bits = double_bits(x);
    k += static_cast<int>((bits >> 52) & 0x7FF) - 1023;
    const std::uint64_t below_one = k < 0 ? 1 : 0;
    const double y = bits_double((bits & 0x000FFFFFFFFFFFFFull) | ((0x3FFull - below_one) << 52));
    const double kd = static_cast<double>(k + static_cast<int>(below_one));
    const double z = kd * lg2_lo + inverse_ln10 * log_dd(y).hi;
    return z + kd * lg2_hi;
}

double log2(double x) {
    if (std::isnan(x) || x <= 0 || std::isinf(x)) return log(x);
    return div(log_dd(x), ln2).hi;
}

double pow(double x, double y) {
    if (y == 0 || x == 1) return 1.0;
    if (std::isnan(x) || std::isnan(y)) return quiet(std::isnan(x) ? x : y);
    const bool odd = is_odd_integer(y);
    if (std::isinf(y)) {
        const double a = std::fabs(x);
        if (a == 1) return 1.0;
        return (a < 1) == (y < 0) ? HUGE_VAL : 0.0;
    }
    if (x == 0 || std::isinf(x)) {
        // pow(+-0, y) and pow(+-inf, y): zero or infinity, negative only for odd y and x < 0.
        const bool big = (x == 0) == (y < 0);
        const double magnitude = big ? HUGE_VAL : 0.0;
        return odd && std::signbit(x) ? -magnitude : magnitude;
    }
    if (x < 0 && y != std::trunc(y)) return domain_error();
    const double result = exp_dd(mul(log_dd(std::fabs(x)), y));
    return x < 0 && odd ? -result : result;
}

double sin(double x) {
    if (std::isnan(x)) return quiet(x);
    if (std::isinf(x)) return domain_error();
    if (x == 0) return x;  // keeps -0
    int q = 0;
    const DD r = reduce(x, q);
    const DD v = (q % 2 == 0) ? sin_small(r) : cos_small(r);
    return (q >= 2) ? -v.hi : v.hi;
}

double cos(double x) {
    if (std::isnan(x)) return quiet(x);
    if (std::isinf(x)) return domain_error();
    int q = 0;
    const DD r = reduce(x, q);
    const DD v = (q % 2 == 0) ? cos_small(r) : sin_small(r);
    return (q == 1 || q == 2) ? -v.hi : v.hi;
}

double tan(double x) {
    if (std::isnan(x)) return quiet(x);
    if (std::isinf(x)) return domain_error();
    if (x == 0) return x;
    int q = 0;
    const DD r = reduce(x, q);
    const DD s = sin_small(r), c = cos_small(r);
    return (q % 2 == 0) ? div(s, c).hi : -div(c, s).hi;
}

double atan(double x) {
    if (std::isnan(x)) return quiet(x);
    if (x == 0) return x;
    if (std::isinf(x)) return x > 0 ? half_pi.hi : -half_pi.hi;
    const double a = atan_dd(DD{std::fabs(x), 0}).hi;
    return x < 0 ? -a : a;
}

double atan2(double y, double x) {
    if (std::isnan(x) || std::isnan(y)) return quiet(std::isnan(y) ? y : x);
    const bool negative_y = std::signbit(y);
    const bool negative_x = std::signbit(x);
    DD a;
    if (y == 0) {
        a = negative_x ? pi : DD{0, 0};
    } else if (x == 0) {
        a = half_pi;
    } else if (std::isinf(x) && std::isinf(y)) {
        a = negative_x ? sub(pi, quarter_pi) : quarter_pi;
    } else if (std::isinf(x)) {
        a = negative_x ? pi : DD{0, 0};
    } else if (std::isinf(y)) {
        a = half_pi;
    } else {
        a = angle_dd(DD{std::fabs(y), 0}, DD{std::fabs(x), 0});
        if (negative_x) a = sub(pi, a);
    }
    if (a.hi == 0) return negative_y ? -0.0 : 0.0;
    return negative_y ? -a.hi : a.hi;
}

double asin(double x) {
    if (std::isnan(x)) return quiet(x);
    if (std::fabs(x) > 1) return domain_error();
    if (x == 0) return x;
    const double a = std::fabs(x);
    const DD rest = sqrt_dd(mul(DD{1 - a, 0}, two_sum(1, a)));  // sqrt(1 - x^2); 1 - a is exact near 1
    const DD angle = rest.hi == 0 ? half_pi : angle_dd(DD{a, 0}, rest);
    return x < 0 ? -angle.hi : angle.hi;
}

double acos(double x) {
    if (std::isnan(x)) return quiet(x);
    if (std::fabs(x) > 1) return domain_error();
    const double a = std::fabs(x);
    const DD rest = sqrt_dd(mul(DD{1 - a, 0}, two_sum(1, a)));
    const DD angle = a == 0 ? half_pi : angle_dd(rest, DD{a, 0});
    return x < 0 ? sub(pi, angle).hi : angle.hi;
}

// glibc 2.36's hypot (after Borges, "An improved algorithm for hypot(a, b)"), in its
// form for processors with fused multiply-add, as x86-64 machines of today run it: one
// fma and a square root, both exact IEEE operations.
double hypot(double x, double y) {
    if (std::isinf(x) || std::isinf(y)) return HUGE_VAL;
    if (std::isnan(x) || std::isnan(y)) return quiet(std::isnan(x) ? x : y);
    const double a = std::fmax(std::fabs(x), std::fabs(y)), b = std::fmin(std::fabs(x), std::fabs(y));
    const auto kernel = [](double ax, double ay) {
        const double t1 = ay + ay, t2 = ax - ay;
        return t1 >= ax ? std::sqrt(std::fma(t1, ax, t2 * t2)) : std::sqrt(std::fma(ax, ax, ay * ay));
    };
    constexpr double scale_down = 0x1p-600, eps = 0x1p-54;
    if (a > 0x1p511) return b <= a * eps ? a + b : kernel(a * scale_down, b * scale_down) / scale_down;
    if (b < 0x1p-511) return a >= b / eps ? a + b : kernel(a / scale_down, b / scale_down) * scale_down;
    if (b <= a * eps) return a + b;
    return kernel(a, b);
}


}  // namespace memsim::minic::math
