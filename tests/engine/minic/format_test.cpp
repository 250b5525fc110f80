#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <map>
#include <vector>

#include "memsim/minic/format.hpp"

using namespace memsim::minic;

namespace {

// Arguments from a list; strings from a map of addresses.
class ListSource final : public FormatSource {
public:
    explicit ListSource(std::vector<std::uint64_t> args, std::map<std::uint64_t, std::string> strings = {})
        : args_(std::move(args)), strings_(std::move(strings)) {}
    bool next(std::uint64_t& value) override {
        if (at_ >= args_.size()) return false;
        value = args_[at_++];
        return true;
    }
    bool string(std::uint64_t vaddr, std::uint64_t limit, std::string& text) override {
        text = strings_.at(vaddr).substr(0, static_cast<std::size_t>(std::min<std::uint64_t>(limit, 1u << 20)));
        read_limit = limit;
        return true;
    }
    bool store_count(std::uint64_t vaddr, std::uint32_t size, std::uint64_t count) override {
        stored = {vaddr, size, count};
        return true;
    }
    std::uint64_t read_limit = 0;
    std::vector<std::uint64_t> stored{};

private:
    std::vector<std::uint64_t> args_;
    std::map<std::uint64_t, std::string> strings_;
    std::size_t at_ = 0;
};

std::string print(const char* format, std::vector<std::uint64_t> args, std::map<std::uint64_t, std::string> strings = {}) {
    ListSource source(std::move(args), std::move(strings));
    return format_printf(format, source).text;
}

std::uint64_t bits(double d) {
    std::uint64_t b = 0;
    std::memcpy(&b, &d, sizeof b);
    return b;
}

std::uint64_t neg(std::int64_t v) { return static_cast<std::uint64_t>(v); }

std::string fmt_double(const char* format, double d) { return print(format, {bits(d)}); }

}  // namespace

TEST_CASE("printf's integer flags, widths and precisions follow C", "[minic][format]") {
    CHECK(print("[%d][%i][%u][%o][%x][%X]", {neg(-42), 7, neg(-1), 8, 255, 255}) == "[-42][7][4294967295][10][ff][FF]");
    CHECK(print("[%+d][% d][%+ d][%-5d][%05d][%5.3d][%.0d]", {5, 5, 5, 3, neg(-42), 7, 0}) == "[+5][ 5][+5][3    ][-0042][  007][]");
    // '#': 0x only for non-zero values; %#o makes the first digit 0 (and keeps a lone 0).
    CHECK(print("[%#x][%#X][%#x][%#o][%#o][%#.0o]", {42, 42, 0, 8, 0, 0}) == "[0x2a][0X2A][0][010][0][0]");
    // A precision turns zero padding off; '-' wins over '0'.
    CHECK(print("[%08.3d][%-08d]", {5, 5}) == "[     005][5       ]");
    // * takes the width and precision from the arguments; a negative width means '-'.
    CHECK(print("[%*d][%-*d][%*d][%.*d][%.*d]", {4, 1, 4, 2, neg(-4), 3, 3, 9, neg(-1), 9}) == "[   1][2   ][3   ][009][9]");
}

TEST_CASE("printf's length modifiers cut or widen the raw argument", "[minic][format]") {
    CHECK(print("[%hhd][%hhu][%hd][%hu]", {300, neg(-1), 70000, neg(-1)}) == "[44][255][4464][65535]");
    CHECK(print("[%ld][%lld][%lu][%zu][%zd][%jd][%td]", {neg(-1), neg(-1), neg(-1), neg(-1), neg(-1), neg(-1), neg(-1)}) ==
          "[-1][-1][18446744073709551615][18446744073709551615][-1][-1][-1]");
    ListSource ilp32({neg(-1), neg(-1)});
    CHECK(format_printf("%lu %zu", ilp32, FormatModel{.long_size = 4, .pointer_size = 4}).text == "4294967295 4294967295");
}

TEST_CASE("printf prints pointers, characters and strings as glibc does", "[minic][format]") {
    CHECK(print("[%p][%p][%10p][%-8p][%020p][%.3p]", {0x1234, 0, 0, 0, 0x1234, 0x12}) ==
          "[0x1234][(nil)][     (nil)][(nil)   ][0x000000000000001234][0x012]");
    CHECK(print("[%c][%3c][%-3c][%05c]", {'a', 'b', 'c', 'x'}) == "[a][  b][c  ][    x]");
    CHECK(print("[%s][%5s][%-5s][%.2s][%05s]", {100, 100, 100, 100, 100}, {{100, "abc"}}) == "[abc][  abc][abc  ][ab][  abc]");
    // NULL: "(null)" unless a precision below 6 would cut it, then nothing.
    CHECK(print("[%s][%.3s][%.8s][%5.2s]", {0, 0, 0, 0}) == "[(null)][][(null)][     ]");
}

TEST_CASE("%.3s reads no more than three bytes, %n stores the count, %% prints one percent", "[minic][format]") {
    ListSource source({100, 200}, {{100, "abcdef"}});
    const FormatResult r = format_printf("%.3s%%%n", source);
    CHECK(r.text == "abc%");
    CHECK(source.read_limit == 3);
    CHECK(source.stored == std::vector<std::uint64_t>{200, 4, 4});
}

TEST_CASE("printf reports a missing argument or an unknown conversion and prints the rest", "[minic][format]") {
    ListSource missing({1});
    const FormatResult m = format_printf("%d and %d!", missing);
    CHECK(m.text == "1 and %d!");
    CHECK(m.problem == "printf has more conversions than arguments: '%d' has no value");
    ListSource unknown({1});
    const FormatResult u = format_printf("%y %d", unknown);
    CHECK(u.text == "%y 1");
    CHECK(u.problem == "printf cannot print '%y': 'y' is not a conversion printf knows");
    ListSource wide({1});
    CHECK(format_printf("%20000d", wide).problem.find("beyond MiniC's limit") != std::string::npos);
    ListSource long_double({1});
    CHECK(format_printf("%Lf", long_double).problem ==
          "printf cannot print '%Lf': %Lf prints a long double, which MiniC does not have; print a double with %f");
}

TEST_CASE("%f prints the double's exact value rounded to nearest, ties to even", "[minic][format]") {
    CHECK(fmt_double("%f", 3.14159) == "3.141590");
    CHECK(fmt_double("%f", -0.0) == "-0.000000");
    CHECK(fmt_double("%.0f", 0.5) == "0");   // a tie: 0 is even
    CHECK(fmt_double("%.0f", 1.5) == "2");
    CHECK(fmt_double("%.0f", 2.5) == "2");
    CHECK(fmt_double("%.1f", 0.25) == "0.2");  // 0.25 is exact: a tie
    CHECK(fmt_double("%.1f", 0.35) == "0.3");  // 0.35 is 0.34999999999999997779...: below the tie
    CHECK(fmt_double("%.20f", 0.1) == "0.10000000000000000555");
    CHECK(fmt_double("%.2f", 9.995) == "9.99");   // 9.9949999999999992184...
    CHECK(fmt_double("%.2f", 99.999) == "100.00");
    CHECK(fmt_double("%#.0f", 3.0) == "3.");
    CHECK(fmt_double("%+010.2f", 3.14159) == "+000003.14");
    CHECK(fmt_double("%f", 1e20) == "100000000000000000000.000000");
    // 2^-1074, the smallest subnormal: its 751 decimal digits are all there at %.1074f.
    const std::string tiny = fmt_double("%.1074f", 4.9406564584124654e-324);
    CHECK(tiny.size() == 1076);
    CHECK(tiny.substr(tiny.size() - 5) == "65625");  // 5^1074 ends in ...65625 (5^(8k+2) does)
}

TEST_CASE("%e and %g choose digits and exponent as C says", "[minic][format]") {
    CHECK(fmt_double("%e", 0.0) == "0.000000e+00");
    CHECK(fmt_double("%e", 123456.0) == "1.234560e+05");
    CHECK(fmt_double("%E", 1e-300) == "1.000000E-300");
    CHECK(fmt_double("%.0e", 2.5) == "2e+00");
    CHECK(fmt_double("%.2e", 9.999) == "1.00e+01");  // rounding carries into the exponent
    CHECK(fmt_double("%g", 100000.0) == "100000");
    CHECK(fmt_double("%g", 1e6) == "1e+06");
    CHECK(fmt_double("%g", 1e-5) == "1e-05");
    CHECK(fmt_double("%g", 0.0001) == "0.0001");
    CHECK(fmt_double("%g", 3.14159265) == "3.14159");
    CHECK(fmt_double("%#g", 1.0) == "1.00000");
    CHECK(fmt_double("%G", 1.5e-10) == "1.5E-10");
    CHECK(fmt_double("%.3g", 999.5) == "1e+03");  // 999.5 rounds to 1.00e3 (ties to even: 999.5 -> 1000)
    CHECK(fmt_double("%g", 0.0) == "0");
    // glibc's '#' quirk: the style comes from the unrounded exponent, so a carry to 10^P
    // keeps %f's zero fraction digits (printf_doubles_compare.py found it).
    CHECK(fmt_double("%#g", 999999.5) == "1.e+06");
    CHECK(fmt_double("%#.3g", 999.5) == "1.e+03");
    CHECK(fmt_double("%#.3g", 999999.5) == "1.00e+06");
}

TEST_CASE("%a prints the bits in hexadecimal; inf and nan are words", "[minic][format]") {
    CHECK(fmt_double("%a", 1.0) == "0x1p+0");
    CHECK(fmt_double("%A", -3.0) == "-0X1.8P+1");
    CHECK(fmt_double("%a", 0.1) == "0x1.999999999999ap-4");
    CHECK(fmt_double("%a", 0.0) == "0x0p+0");
    CHECK(fmt_double("%a", 4.9406564584124654e-324) == "0x0.0000000000001p-1022");
    CHECK(fmt_double("%.0a", 1.5) == "0x2p+0");    // a tie, rounded to the even digit 2
    CHECK(fmt_double("%.0a", 2.5) == "0x1p+1");    // 0x1.4p+1: below the tie
    CHECK(fmt_double("%.1a", 1.03125) == "0x1.0p+0");
    const double inf = 1e308 * 10;
    CHECK(print("[%05f][%-6f][%+F][%E]", {bits(inf), bits(inf), bits(inf), bits(-inf)}) == "[  inf][inf   ][+INF][-INF]");
    CHECK(print("%f %f", {bits(-inf) | 1, 0x7ff8000000000000}) == "-nan nan");
}
