// ctype.h in the C locale. glibc's is* return the bit of the class in its table, not 1
// (isalpha('a') is 1024), and a program that prints the result shows it, so these do too.
#include "library_impl.hpp"

namespace memsim::minic::library {
namespace {

// glibc's class bits on a little-endian machine (_ISupper .. _ISalnum in <ctype.h>).
enum ClassBit : std::uint32_t {
    Upper = 0x100, Lower = 0x200, Alpha = 0x400, Digit = 0x800, Xdigit = 0x1000, Space = 0x2000,
    Print = 0x4000, Graph = 0x8000, Blank = 0x1, Cntrl = 0x2, Punct = 0x4, Alnum = 0x8,
};

// Every class bit a C-locale character has; 0 for EOF and bytes above 127.
std::uint32_t classes(std::int64_t c) {
    if (c < 0 || c > 127) return 0;
    std::uint32_t bits = 0;
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z', digit = is_digit(static_cast<int>(c));
    if (upper) bits |= Upper | Alpha | Alnum;
    if (lower) bits |= Lower | Alpha | Alnum;
    if (digit) bits |= Digit | Alnum;
    if (digit || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) bits |= Xdigit;
    if (is_space(static_cast<int>(c))) bits |= Space;
    if (c == ' ' || c == '\t') bits |= Blank;
    if (c < 0x20 || c == 0x7f) bits |= Cntrl;
    if (c >= 0x20 && c < 0x7f) bits |= Print;
    if (c > 0x20 && c < 0x7f) bits |= Graph;
    if (c > 0x20 && c < 0x7f && !upper && !lower && !digit) bits |= Punct;
    return bits;
}

std::uint32_t class_of(Builtin id) {
    switch (id) {
        case Builtin::Isalpha: return Alpha;
        case Builtin::Isdigit: return Digit;
        case Builtin::Isalnum: return Alnum;
        case Builtin::Isspace: return Space;
        case Builtin::Isupper: return Upper;
        case Builtin::Islower: return Lower;
        case Builtin::Isxdigit: return Xdigit;
        case Builtin::Ispunct: return Punct;
        case Builtin::Isprint: return Print;
        case Builtin::Isgraph: return Graph;
        case Builtin::Iscntrl: return Cntrl;
        case Builtin::Isblank: return Blank;
        default: return 0;
    }
}

}  // namespace

void run_ctype(Call& call) {
    const std::int64_t c = call.int_arg(0);
    const auto as_int = [](std::int64_t v) { return static_cast<std::uint64_t>(v); };
    if (call.id == Builtin::Toupper) call.out.value = as_int(c >= 'a' && c <= 'z' ? c - 32 : c);
    else if (call.id == Builtin::Tolower) call.out.value = as_int(c >= 'A' && c <= 'Z' ? c + 32 : c);
    else call.out.value = classes(c) & class_of(call.id);
    if (c < -128 || c > 255) {
        call.problem("the ctype.h functions take an unsigned char value or EOF, not " + std::to_string(c) +
                     " (glibc reads outside its table here; cast a char to unsigned char first)");
    }
}

}  // namespace memsim::minic::library
