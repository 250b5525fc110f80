// <math.h>, and <stdlib.h>'s atof and strtod. The exact IEEE operations (sqrt, fabs,
// floor, ceil, round, trunc, fmod) come from the C++ library, whose results are the same
// everywhere; the transcendental functions are memsim's own (math_functions.hpp).
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <string>

#include "math_functions.hpp"
#include "memsim/core/text.hpp"
#include "memsim/minic/float_bits.hpp"
#include "memsim/minic/library.hpp"

namespace memsim::minic {
namespace {

constexpr std::uint64_t max_number_text = 4096;  // atof and strtod read at most this many bytes

double unary_double(Builtin id, double x) {
    switch (id) {
        case Builtin::Sqrt: return x < 0 ? bits_double(0xFFF8000000000000ull) : std::sqrt(x);  // x86 gives -nan
        case Builtin::Fabs: return std::fabs(x);
        case Builtin::Floor: return std::floor(x);
        case Builtin::Ceil: return std::ceil(x);
        case Builtin::Round: return std::round(x);
        case Builtin::Trunc: return std::trunc(x);
        case Builtin::Exp: return math::exp(x);
        case Builtin::Log: return math::log(x);
        case Builtin::Log10: return math::log10(x);
        case Builtin::Log2: return math::log2(x);
        case Builtin::Sin: return math::sin(x);
        case Builtin::Cos: return math::cos(x);
        case Builtin::Tan: return math::tan(x);
        case Builtin::Asin: return math::asin(x);
        case Builtin::Acos: return math::acos(x);
        default: return math::atan(x);
    }
}

float unary_float(Builtin id, float x) {
    switch (id) {
        case Builtin::Sqrtf: return x < 0 ? bits_float(0xFFC00000u) : std::sqrt(x);
        case Builtin::Fabsf: return std::fabs(x);
        case Builtin::Floorf: return std::floor(x);
        case Builtin::Ceilf: return std::ceil(x);
        case Builtin::Roundf: return std::round(x);
        default: return std::trunc(x);
    }
}

// fmod of a finite x by 0, or of an infinite x: a domain error (-nan on x86, as glibc).
double remainder_of(double x, double y) {
    if (!std::isnan(x) && !std::isnan(y) && (y == 0 || std::isinf(x))) return bits_double(0xFFF8000000000000ull);
    return std::fmod(x, y);
}

// The text of a number at `vaddr` (up to its NUL), read through the host.
bool read_text(Host& host, std::uint64_t vaddr, std::string& text, Report& report) {
    for (std::uint64_t i = 0; i < max_number_text; ++i) {
        LoadResult r = host.load(vaddr + i, 1);
        if (r.report.stop || !r.report.problem.empty()) {
            report = std::move(r.report);
            if (report.stop) return false;
        }
        if (r.value == 0) break;
        text.push_back(static_cast<char>(r.value));
    }
    return true;
}

// strtod as C defines it: strtod in glibc and musl both round correctly, so they agree.
void string_to_double(std::span<const std::uint64_t> args, bool with_end, Host& host, std::uint32_t pointer_size,
                      BuiltinOutcome& out) {
    std::string text;
    if (!read_text(host, args[0], text, out.report)) return;
    char* end = nullptr;
    errno = 0;  // the host's strtod (glibc natively, musl in the page) says ERANGE the same way
    out.value = double_bits(std::strtod(text.c_str(), &end));
    if (errno == ERANGE) out.set_errno = errno_erange;
    if (with_end && args[1] != 0) {
        const std::uint64_t consumed = static_cast<std::uint64_t>(end - text.c_str());
        const Report r = host.store(args[1], pointer_size, args[0] + consumed);
        if (r.stop || !r.problem.empty()) out.report = r;
    }
}

// errno after a math call, as glibc sets it: EDOM outside a function's domain, ERANGE for
// a pole (log(0), pow(0, -1)) or a finite argument whose result overflows to infinity or
// underflows to zero (a subnormal result leaves errno alone).
int math_errno(Builtin id, double x, double y, double result) {
    switch (id) {
        case Builtin::Sqrt: case Builtin::Sqrtf: return x < 0 ? errno_edom : 0;
        case Builtin::Log: case Builtin::Log10: case Builtin::Log2: return x < 0 ? errno_edom : x == 0 ? errno_erange : 0;
        case Builtin::Asin: case Builtin::Acos: return std::fabs(x) > 1 ? errno_edom : 0;
        case Builtin::Sin: case Builtin::Cos: case Builtin::Tan: return std::isinf(x) ? errno_edom : 0;
        case Builtin::Fmod: case Builtin::Fmodf:
            return !std::isnan(x) && !std::isnan(y) && (y == 0 || std::isinf(x)) ? errno_edom : 0;
        case Builtin::Exp: return std::isfinite(x) && (std::isinf(result) || result == 0) ? errno_erange : 0;
        case Builtin::Hypot: return std::isfinite(x) && std::isfinite(y) && std::isinf(result) ? errno_erange : 0;
        case Builtin::Pow:
            if (!std::isfinite(x) || !std::isfinite(y)) return 0;
            if (x == 0 && y < 0) return errno_erange;
            if (x < 0 && std::trunc(y) != y) return errno_edom;
            return std::isinf(result) || (result == 0 && x != 0) ? errno_erange : 0;
        default: return 0;
    }
}

}  // namespace

BuiltinOutcome run_math_builtin(Builtin id, std::span<const std::uint64_t> args, Host& host, std::uint32_t pointer_size) {
    BuiltinOutcome out;
    const auto d = [&](std::size_t i) { return bits_double(args[i]); };
    const auto f = [&](std::size_t i) { return bits_float(args[i]); };
    switch (id) {
        case Builtin::Pow: out.value = double_bits(math::pow(d(0), d(1))); break;
        case Builtin::Atan2: out.value = double_bits(math::atan2(d(0), d(1))); break;
        case Builtin::Hypot: out.value = double_bits(math::hypot(d(0), d(1))); break;
        case Builtin::Fmod: out.value = double_bits(remainder_of(d(0), d(1))); break;
        case Builtin::Fmodf:
            out.value = float_bits(static_cast<float>(remainder_of(f(0), f(1))));  // exact: the remainder fits a float
            break;
        case Builtin::Sqrtf: case Builtin::Fabsf: case Builtin::Floorf: case Builtin::Ceilf: case Builtin::Roundf:
        case Builtin::Truncf:
            out.value = float_bits(unary_float(id, f(0)));
            break;
        case Builtin::Atof: string_to_double(args, false, host, pointer_size, out); break;
        case Builtin::Strtod: string_to_double(args, true, host, pointer_size, out); break;
        default: out.value = double_bits(unary_double(id, d(0))); break;
    }
    const bool is_float = id == Builtin::Sqrtf || id == Builtin::Fmodf;
    if (id != Builtin::Atof && id != Builtin::Strtod && id != Builtin::Fabsf && id != Builtin::Floorf && id != Builtin::Ceilf &&
        id != Builtin::Roundf && id != Builtin::Truncf) {
        const double x = is_float ? f(0) : d(0);
        const double y = args.size() > 1 ? (is_float ? f(1) : d(1)) : 0.0;
        out.set_errno = math_errno(id, x, y, is_float ? bits_float(out.value) : bits_double(out.value));
    }
    return out;
}

}  // namespace memsim::minic
