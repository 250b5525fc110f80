#include "memsim/minic/library.hpp"

#include <array>

#include "memsim/core/text.hpp"

namespace memsim::minic {
namespace {

constexpr std::array<BuiltinInfo, 15> table = {{
    {"malloc", Builtin::Malloc, 'p', "z", false},
    {"calloc", Builtin::Calloc, 'p', "zz", false},
    {"realloc", Builtin::Realloc, 'p', "pz", false},
    {"free", Builtin::Free, 'v', "p", false},
    {"memset", Builtin::Memset, 'p', "piz", false},
    {"memcpy", Builtin::Memcpy, 'p', "ppz", false},
    {"strlen", Builtin::Strlen, 'z', "s", false},
    {"strcpy", Builtin::Strcpy, 's', "ss", false},
    {"printf", Builtin::Printf, 'i', "s", true},
    {"putchar", Builtin::Putchar, 'i', "i", false},
    {"puts", Builtin::Puts, 'i', "s", false},
    {"exit", Builtin::Exit, 'v', "i", false},
    {"fork", Builtin::Fork, 'i', "", false},
    {"yield", Builtin::Yield, 'v', "", false},
    {"touch", Builtin::Touch, 'v', "pz", false},
}};

// The longest string the library reads before it gives up (a missing NUL otherwise
// walks all of memory).
constexpr std::uint64_t max_string = 1u << 16;

// Keeps the first learner error (or a later fatal one) and any request to end the step.
void merge(Report& into, const Report& from) {
    if (from.stop || (!from.problem.empty() && into.problem.empty())) {
        into.stop = from.stop;
        into.problem = from.problem;
    }
    if (from.end_step) into.end_step = true;
}

// Reads the NUL-terminated string at `vaddr` byte by byte through the host.
bool read_string(Host& host, std::uint64_t vaddr, std::string& text, Report& report) {
    for (std::uint64_t i = 0; i < max_string; ++i) {
        LoadResult r = host.load(vaddr + i, 1);
        merge(report, r.report);
        if (report.stop) return false;
        if (r.value == 0) return true;
        text.push_back(static_cast<char>(r.value));
    }
    report = Report{.stop = true, .problem = "the string at " + hex(vaddr) + " has no terminating NUL byte in its first " +
                                               std::to_string(max_string) + " bytes"};
    return false;
}

// Copies or fills bytes one at a time; returns false when the host stopped the program.
bool copy_bytes(Host& host, std::uint64_t dst, std::uint64_t src, std::uint64_t n, bool fill, std::uint8_t byte,
                Report& report) {
    for (std::uint64_t i = 0; i < n; ++i) {
        std::uint64_t value = byte;
        if (!fill) {
            LoadResult r = host.load(src + i, 1);
            merge(report, r.report);
            if (report.stop) return false;
            value = r.value;
        }
        merge(report, host.store(dst + i, 1, value));
        if (report.stop) return false;
    }
    return true;
}

std::int64_t as_signed(std::uint64_t v, std::uint32_t size) {
    if (size == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
    return static_cast<std::int64_t>(v);
}

std::uint64_t as_unsigned(std::uint64_t v, std::uint32_t size) {
    return size == 4 ? static_cast<std::uint32_t>(v) : v;
}

std::string hex_digits(std::uint64_t v) { return hex(v).substr(2); }

// One conversion of printf: the flags, width and length were read already.
struct Conversion {
    bool left = false;        // '-': pad on the right
    bool zeros = false;       // '0': pad numbers with zeros
    std::size_t width = 0;
    int longs = 0;            // number of 'l's
    char letter = 0;
};

// The text for one value, or false when the conversion is unknown or a string cannot be read.
bool convert_one(const Conversion& c, std::uint64_t v, Host& host, std::uint32_t long_size, std::uint32_t pointer_size,
                 std::string& text, Report& report) {
    const std::uint32_t size = c.longs == 0 ? 4 : (c.longs == 1 ? long_size : 8);
    switch (c.letter) {
        case 'd': case 'i': text = std::to_string(as_signed(v, size)); return true;
        case 'u': text = std::to_string(as_unsigned(v, size)); return true;
        case 'x': text = hex_digits(as_unsigned(v, size)); return true;
        case 'p': text = v == 0 ? std::string("(nil)") : hex(as_unsigned(v, pointer_size)); return true;
        case 'c': text = std::string(1, static_cast<char>(v)); return true;
        case 's': return read_string(host, v, text, report);
        default:
            report = Report{.stop = false, .problem = std::string("printf does not know the conversion '%") + c.letter + "' in MiniC",
                            .end_step = false};
            return false;
    }
}

void printf_format(std::span<const std::uint64_t> args, Host& host, std::uint32_t long_size,
                   std::uint32_t pointer_size, BuiltinOutcome& out) {
    std::string format;
    if (!read_string(host, args[0], format, out.report)) return;
    std::size_t next_arg = 1;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out.output.push_back(format[i]);
            continue;
        }
        Conversion c;
        std::size_t j = i + 1;
        for (; j < format.size() && (format[j] == '-' || format[j] == '0'); ++j) (format[j] == '-' ? c.left : c.zeros) = true;
        for (; j < format.size() && format[j] >= '0' && format[j] <= '9'; ++j) c.width = std::min<std::size_t>(c.width * 10 + static_cast<std::size_t>(format[j] - '0'), 1000);
        for (; j < format.size() && format[j] == 'l'; ++j) ++c.longs;
        if (j >= format.size()) {
            out.output += format.substr(i);
            break;
        }
        c.letter = format[j];
        const std::string spec = format.substr(i, j - i + 1);
        i = j;
        if (c.letter == '%') {
            out.output.push_back('%');
            continue;
        }
        if (next_arg >= args.size()) {
            out.report = Report{.stop = false, .problem = "printf has more conversions than arguments: '" + spec + "' has no value",
                                .end_step = false};
            out.output += spec;
            continue;
        }
        std::string text;
        if (!convert_one(c, args[next_arg++], host, long_size, pointer_size, text, out.report)) {
            if (out.report.stop) return;
            out.output += spec;
            continue;
        }
        if (text.size() < c.width) {
            const std::size_t pad = c.width - text.size();
            if (c.left) text.append(pad, ' ');
            else if (c.zeros && c.letter != 's' && c.letter != 'c') text.insert(text[0] == '-' ? 1 : 0, pad, '0');
            else text.insert(0, pad, ' ');
        }
        out.output += text;
    }
    out.value = out.output.size();
}

void take(ValueResult r, BuiltinOutcome& out) {
    out.value = r.value;
    out.report = std::move(r.report);
}

}  // namespace

std::span<const BuiltinInfo> builtins() { return table; }

const BuiltinInfo* find_builtin(const std::string& name) {
    for (const BuiltinInfo& info : table) {
        if (name == info.name) return &info;
    }
    return nullptr;
}

BuiltinOutcome run_builtin(Builtin id, std::span<const std::uint64_t> args, Host& host, std::uint32_t long_size,
                           std::uint32_t pointer_size) {
    BuiltinOutcome out;
    switch (id) {
        case Builtin::Malloc: take(host.malloc(args[0]), out); break;
        case Builtin::Calloc: take(host.calloc(args[0], args[1]), out); break;
        case Builtin::Realloc: take(host.realloc(args[0], args[1]), out); break;
        case Builtin::Free: out.report = host.free(args[0]); break;
        case Builtin::Memset:
            copy_bytes(host, args[0], 0, args[2], true, static_cast<std::uint8_t>(args[1]), out.report);
            out.value = args[0];
            break;
        case Builtin::Memcpy:
            copy_bytes(host, args[0], args[1], args[2], false, 0, out.report);
            out.value = args[0];
            break;
        case Builtin::Strlen: {
            std::string text;
            if (read_string(host, args[0], text, out.report)) out.value = text.size();
            break;
        }
        case Builtin::Strcpy: {
            std::string text;
            out.value = args[0];
            if (!read_string(host, args[1], text, out.report)) break;
            for (std::size_t i = 0; i <= text.size(); ++i) {
                merge(out.report, host.store(args[0] + i, 1, i < text.size() ? static_cast<std::uint8_t>(text[i]) : 0u));
                if (out.report.stop) break;
            }
            break;
        }
        case Builtin::Printf: printf_format(args, host, long_size, pointer_size, out); break;
        case Builtin::Putchar:
            out.output.push_back(static_cast<char>(args[0]));
            out.value = args[0] & 0xFF;
            break;
        case Builtin::Puts:
            if (read_string(host, args[0], out.output, out.report)) out.output.push_back('\n');
            out.value = 0;
            break;
        case Builtin::Exit:
            out.exit = true;
            out.value = args[0];
            break;
        case Builtin::Fork: take(host.fork(), out); break;
        case Builtin::Yield: out.report = host.yield(); break;
        case Builtin::Touch: out.report = host.touch(args[0], args[1]); break;
    }
    if (!out.output.empty()) host.output(out.output);
    return out;
}

}  // namespace memsim::minic
