#pragma once
// printf's formatting, as glibc 2.36 does it, as a pure function: the format string and
// the raw 64-bit arguments go in, the text comes out. The library's printf, fprintf,
// sprintf and snprintf all call it; strings (%s) and %n go through a FormatSource, so
// in the simulator each byte they touch is a load or store of the machine.
//
// A conversion is   %  flags  width  .precision  length  letter
//                      -+ #0  12|*   .3|.*       hh h l ll z j t L   d i u o x X c s p n % f F e E g G a A
//
//   "%-+8.3d"  ->  left-justified, always signed, 8 wide, at least 3 digits:  "+042    "
//   "%#x"      ->  "0x2a"        "%#o" -> "052"        "%p" -> "0x7ffc0010" or "(nil)"
//   "%.3s"     ->  reads at most 3 bytes of the string (it needs no NUL)
//
// Floating conversions read the argument's 64 bits as an IEEE-754 double (how a double
// travels to a variadic function). The digits are exact: the double's binary value is
// expanded to all its decimal digits, then rounded to nearest, ties to even, as glibc
// does in its default rounding mode ("%.0f" of 2.5 is "2", "%.1f" of 0.25 is "0.2").
//
// Costs are bounded: width and precision above max_format_field are refused, and %s
// reads at most the source's own limit.
#include <cstdint>
#include <string>
#include <string_view>

namespace memsim::minic {

// The widest field and the largest precision printf accepts (glibc takes any int; the
// bound keeps every call's work and output in proportion to what a program can print).
inline constexpr int max_format_field = 10'000;

// One parsed conversion specification.
struct FormatSpec {
    bool left = false;      // '-': pad on the right
    bool plus = false;      // '+': always a sign for signed conversions
    bool space = false;     // ' ': a space where the sign of a positive number would be
    bool alternate = false; // '#': 0x for %x, a leading 0 for %o, always a point for %f/%e/%g/%a
    bool zeros = false;     // '0': pad numbers with zeros after the sign
    int width = 0;          // the minimum field width
    int precision = -1;     // -1: none given
    char length = 0;        // 'H' hh, 'h', 'l', 'q' ll, 'z', 'j', 't', 'L', or 0
    char letter = 0;        // the conversion
};

// The sizes of C's types in the running program.
struct FormatModel {
    std::uint32_t long_size = 8;     // = 8 // bytes of a long (4 in ILP32)
    std::uint32_t pointer_size = 8;  // = 8 // bytes of a pointer and of size_t
};

// Where printf's arguments come from.
class FormatSource {
public:
    virtual ~FormatSource() = default;
    // The next variadic argument as its 64 bits; false when the call passed no more.
    virtual bool next(std::uint64_t& value) = 0;
    // The string at `vaddr`, at most `limit` bytes, up to its NUL; false stops the call
    // (a fault or a missing NUL; the source keeps the reason).
    virtual bool string(std::uint64_t vaddr, std::uint64_t limit, std::string& text) = 0;
    // %n: stores `count` (the bytes printed so far) as `size` bytes at `vaddr`.
    virtual bool store_count(std::uint64_t vaddr, std::uint32_t size, std::uint64_t count) = 0;
};

// What formatting made.
struct FormatResult {
    std::string text{};     // the output, as far as it got
    std::string problem{};  // a learner error in plain words (the first one), or empty
    bool stopped = false;   // the source refused (a fault): the call must end here
};

// Formats `format` with the arguments `source` gives.
FormatResult format_printf(std::string_view format, FormatSource& source, const FormatModel& model = {});

// One floating conversion (f F e E g G a A) of the double whose bits are `bits`, with
// its flags, width and precision applied.
std::string format_double(const FormatSpec& spec, std::uint64_t bits);

// One integer conversion (d i u o x X c p) of a raw argument.
std::string format_integer(const FormatSpec& spec, std::uint64_t raw, const FormatModel& model);

// Pads `body` (which starts with `prefix_length` bytes of sign or 0x) to the spec's width.
std::string pad_field(const FormatSpec& spec, std::string body, std::size_t prefix_length, bool zero_pad);

}  // namespace memsim::minic
