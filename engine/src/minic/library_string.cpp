// string.h: every byte read or written is a load or store through the host, in the order
// a simple C implementation makes them.
#include <optional>

#include "library_impl.hpp"
#include "memsim/core/text.hpp"

namespace memsim::minic::library {
namespace {

// Copies n bytes; backwards when the ranges overlap with dst above src (memmove).
void copy(Call& call, std::uint64_t dst, std::uint64_t src, std::uint64_t n, bool backwards) {
    for (std::uint64_t k = 0; k < n; ++k) {
        const std::uint64_t i = backwards ? n - 1 - k : k;
        std::uint8_t byte = 0;
        if (!call.load_byte(src + i, byte) || !call.store_byte(dst + i, byte)) return;
    }
}

void fill(Call& call, std::uint64_t dst, std::uint8_t byte, std::uint64_t n) {
    for (std::uint64_t i = 0; i < n && call.store_byte(dst + i, byte); ++i) {}
}

// strcmp, strncmp, memcmp: the difference of the first unequal bytes (as unsigned char),
// as glibc's x86-64 versions return it; strings stop at a NUL.
std::int32_t compare(Call& call, std::uint64_t a, std::uint64_t b, std::uint64_t n, bool strings) {
    for (std::uint64_t i = 0; i < n; ++i) {
        if (strings && i == max_string) {
            call.fatal("strcmp compared " + std::to_string(max_string) + " equal bytes without reaching a NUL (MiniC's library reads at most that far)");
            return 0;
        }
        std::uint8_t x = 0, y = 0;
        if (!call.load_byte(a + i, x) || !call.load_byte(b + i, y)) return 0;
        if (x != y) return static_cast<std::int32_t>(x) - static_cast<std::int32_t>(y);
        if (strings && x == 0) return 0;
    }
    return 0;
}

// Appends the string at src (at most `limit` bytes) and a NUL at dst + strlen(dst).
void append(Call& call, std::uint64_t dst, std::uint64_t src, std::uint64_t limit) {
    std::string head, tail;
    if (!call.read_string(dst, head) || !call.read_string(src, tail, limit)) return;
    if (call.write_bytes(dst + head.size(), tail)) call.store_byte(dst + head.size() + tail.size(), 0);
}

// Copies the string (at most `limit` bytes) into a new malloc'd block.
void duplicate(Call& call, std::uint64_t src, std::uint64_t limit) {
    std::string text;
    if (!call.read_string(src, text, limit)) return;
    ValueResult block = call.host.malloc(text.size() + 1);
    call.merge(block.report);
    call.out.value = block.value;
    if (block.value == 0 || !call.ok()) return;
    if (call.write_bytes(block.value, text)) call.store_byte(block.value + text.size(), 0);
}

// strchr and strrchr: the first (or last) byte equal to c, the NUL included.
std::uint64_t find_char(Call& call, std::uint64_t s, std::uint8_t c, bool last) {
    std::string text;
    if (!call.read_string(s, text)) return 0;
    text.push_back('\0');
    const std::size_t at = last ? text.rfind(static_cast<char>(c)) : text.find(static_cast<char>(c));
    return at == std::string::npos ? 0 : s + at;
}

// strspn and strcspn: how many leading bytes are (or are not) in `set`.
std::uint64_t span(Call& call, std::uint64_t s, std::uint64_t set_address, bool in_set) {
    std::string text, set;
    if (!call.read_string(set_address, set) || !call.read_string(s, text)) return 0;
    const std::size_t at = in_set ? text.find_first_not_of(set) : text.find_first_of(set);
    return at == std::string::npos ? text.size() : at;
}

// strtok: glibc's strtok_r with one saved position per program.
void tokenize(Call& call, std::uint64_t s, std::uint64_t delimiters) {
    std::uint64_t start = s != 0 ? s : call.state.strtok_next;
    if (start == 0) {
        call.fatal("strtok(NULL, ...) is called before any strtok(string, ...): there is no string to go on with, and glibc's strtok crashes here");
        return;
    }
    std::string delim, text;
    if (!call.read_string(delimiters, delim) || !call.read_string(start, text)) return;
    const std::size_t first = text.find_first_not_of(delim);
    if (first == std::string::npos) {
        call.state.strtok_next = start + text.size();
        call.out.value = 0;
        return;
    }
    const std::size_t end = text.find_first_of(delim, first);
    call.out.value = start + first;
    if (end == std::string::npos) {
        call.state.strtok_next = start + text.size();
    } else if (call.store_byte(start + end, 0)) {
        call.state.strtok_next = start + end + 1;
    }
}

}  // namespace

void run_string(Call& call) {
    const auto& a = call.args;
    BuiltinOutcome& out = call.out;
    std::string text;
    switch (call.id) {
        case Builtin::Strlen:
            if (call.read_string(a[0], text)) out.value = text.size();
            break;
        case Builtin::Strcpy:
        case Builtin::Strncpy: {
            out.value = a[0];
            const bool bounded = call.id == Builtin::Strncpy;
            if (!call.read_string(a[1], text, bounded ? a[2] : max_string + 1) || !call.write_bytes(a[0], text)) break;
            // strcpy adds one NUL; strncpy pads with NULs up to n (and adds none when src fills n)
            fill(call, a[0] + text.size(), 0, bounded ? a[2] - text.size() : 1);
            break;
        }
        case Builtin::Strcat: out.value = a[0]; append(call, a[0], a[1], max_string + 1); break;
        case Builtin::Strncat: out.value = a[0]; append(call, a[0], a[1], a[2]); break;
        case Builtin::Strcmp: out.value = static_cast<std::uint64_t>(std::int64_t{compare(call, a[0], a[1], UINT64_MAX, true)}); break;
        case Builtin::Strncmp: out.value = static_cast<std::uint64_t>(std::int64_t{compare(call, a[0], a[1], a[2], true)}); break;
        case Builtin::Memcmp: out.value = static_cast<std::uint64_t>(std::int64_t{compare(call, a[0], a[1], a[2], false)}); break;
        case Builtin::Strchr: out.value = find_char(call, a[0], static_cast<std::uint8_t>(a[1]), false); break;
        case Builtin::Strrchr: out.value = find_char(call, a[0], static_cast<std::uint8_t>(a[1]), true); break;
        case Builtin::Strstr: {
            std::string needle;
            if (!call.read_string(a[0], text) || !call.read_string(a[1], needle)) break;
            const std::size_t at = text.find(needle);
            out.value = at == std::string::npos ? 0 : a[0] + at;
            break;
        }
        case Builtin::Strspn: out.value = span(call, a[0], a[1], true); break;
        case Builtin::Strcspn: out.value = span(call, a[0], a[1], false); break;
        case Builtin::Strpbrk: {
            const std::uint64_t n = span(call, a[0], a[1], false);
            std::uint8_t byte = 0;
            out.value = call.ok() && call.load_byte(a[0] + n, byte) && byte != 0 ? a[0] + n : 0;
            break;
        }
        case Builtin::Strtok: tokenize(call, a[0], a[1]); break;
        case Builtin::Strdup: duplicate(call, a[0], max_string + 1); break;
        case Builtin::Strndup: duplicate(call, a[0], a[1]); break;
        case Builtin::Memcpy:
            out.value = a[0];
            if (a[2] != 0 && a[0] < a[1] + a[2] && a[1] < a[0] + a[2]) {
                call.problem("memcpy's source and destination overlap (" + hex(a[1]) + " and " + hex(a[0]) + ", " +
                             std::to_string(a[2]) + " bytes): the result is undefined in C; memmove is made for this");
            }
            copy(call, a[0], a[1], a[2], false);
            break;
        case Builtin::Memmove: out.value = a[0]; copy(call, a[0], a[1], a[2], a[0] > a[1]); break;
        case Builtin::Memset: out.value = a[0]; fill(call, a[0], static_cast<std::uint8_t>(a[1]), a[2]); break;
        case Builtin::Memchr: {
            out.value = 0;
            for (std::uint64_t i = 0; i < a[2]; ++i) {
                std::uint8_t byte = 0;
                if (!call.load_byte(a[0] + i, byte)) break;
                if (byte == static_cast<std::uint8_t>(a[1])) {
                    out.value = a[0] + i;
                    break;
                }
            }
            break;
        }
        default: break;
    }
}

}  // namespace memsim::minic::library
