#include "interpreter_floating.hpp"

#include "memsim/minic/float_bits.hpp"

namespace memsim::minic {
namespace {

// Arithmetic in the operation's own precision: float operations round to float, as SSE
// does on x86-64 (no x87 extended precision), and as WASM's f32 instructions do.
template <typename T>
T arithmetic(Op op, T a, T b) {
    switch (op) {
        case Op::FAdd: return a + b;
        case Op::FSub: return a - b;
        case Op::FMul: return a * b;
        default: return a / b;  // IEEE: x / 0 is an infinity or NaN, not a trap
    }
}

template <typename T>
bool compare(Op op, T a, T b) {
    switch (op) {
        case Op::FLt: return a < b;
        case Op::FLe: return a <= b;
        case Op::FGt: return a > b;
        case Op::FGe: return a >= b;
        case Op::FEq: return a == b;
        default: return a != b;
    }
}

// NaN bits as SSE makes them, so native and WASM agree (WASM leaves a NaN's sign open):
// a NaN operand comes through quieted (the first one when both are), and a new NaN
// (0/0, inf - inf) is the "default NaN", negative.
std::uint64_t nan_result(std::uint64_t result, std::uint64_t a, std::uint64_t b, bool is_float) {
    const std::uint64_t exponent = is_float ? 0x7F800000ull : 0x7FF0000000000000ull;
    const std::uint64_t fraction = is_float ? 0x007FFFFFull : 0x000FFFFFFFFFFFFFull;
    const std::uint64_t quiet_bit = is_float ? 0x00400000ull : 0x0008000000000000ull;
    const auto is_nan = [&](std::uint64_t x) { return (x & exponent) == exponent && (x & fraction) != 0; };
    if (!is_nan(result)) return result;
    if (is_nan(a)) return a | quiet_bit;
    if (is_nan(b)) return b | quiet_bit;
    return is_float ? 0xFFC00000ull : 0xFFF8000000000000ull;
}

double as_double(std::uint64_t bits, std::int32_t size) { return size == 4 ? bits_float(bits) : bits_double(bits); }

}  // namespace

std::uint64_t floating_step(std::uint64_t value, std::uint8_t size, std::int64_t step) {
    if (size == 4) return float_bits(bits_float(value) + static_cast<float>(step));
    return double_bits(bits_double(value) + static_cast<double>(step));
}

void run_floating(const Instr& in, std::vector<std::uint64_t>& v) {
    switch (in.op) {
        case Op::FAdd: case Op::FSub: case Op::FMul: case Op::FDiv: {
            const std::uint64_t b = v.back();
            v.pop_back();
            const std::uint64_t a = v.back();
            const std::uint64_t r = in.size == 4 ? float_bits(arithmetic(in.op, bits_float(a), bits_float(b)))
                                                 : double_bits(arithmetic(in.op, bits_double(a), bits_double(b)));
            v.back() = nan_result(r, a, b, in.size == 4);
            return;
        }
        case Op::FLt: case Op::FLe: case Op::FGt: case Op::FGe: case Op::FEq: case Op::FNe: {
            const std::uint64_t b = v.back();
            v.pop_back();
            const std::uint64_t a = v.back();
            const bool result = in.size == 4 ? compare(in.op, bits_float(a), bits_float(b)) : compare(in.op, bits_double(a), bits_double(b));
            v.back() = result ? 1 : 0;
            return;
        }
        case Op::FNeg: v.back() ^= in.size == 4 ? 0x80000000ull : 0x8000000000000000ull; return;
        case Op::IntToFloat: {
            // One rounding from the integer's exact value, as cvtsi2sd / f64.convert_i64 do.
            const std::uint64_t x = v.back();
            if (in.size == 4) {
                v.back() = float_bits(in.flag ? static_cast<float>(static_cast<std::int64_t>(x)) : static_cast<float>(x));
            } else {
                v.back() = double_bits(in.flag ? static_cast<double>(static_cast<std::int64_t>(x)) : static_cast<double>(x));
            }
            return;
        }
        case Op::FloatToInt: v.back() = float_to_integer(as_double(v.back(), in.a), in.size, in.flag != 0); return;
        case Op::FloatToFloat: {
            // A NaN keeps its sign and the top of its payload, as cvtsd2ss and cvtss2sd do.
            const std::uint64_t x = v.back();
            if (in.size == 4) {
                const bool nan = (x & 0x7FF0000000000000ull) == 0x7FF0000000000000ull && (x & 0x000FFFFFFFFFFFFFull) != 0;
                v.back() = nan ? ((x >> 32) & 0x80000000ull) | 0x7FC00000ull | ((x >> 29) & 0x003FFFFFull)
                               : float_bits(static_cast<float>(bits_double(x)));
            } else {
                const bool nan = (x & 0x7F800000ull) == 0x7F800000ull && (x & 0x007FFFFFull) != 0;
                v.back() = nan ? ((x & 0x80000000ull) << 32) | 0x7FF8000000000000ull | ((x & 0x003FFFFFull) << 29)
                               : double_bits(static_cast<double>(bits_float(x)));
            }
            return;
        }
        default: return;
    }
}

}  // namespace memsim::minic
