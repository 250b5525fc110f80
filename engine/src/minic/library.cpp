#include "memsim/minic/library.hpp"

#include <array>
#include <cstdio>

#include "library_impl.hpp"

namespace memsim::minic {
namespace {

using enum Family;

constexpr std::array<BuiltinInfo, 110> table = {{
    {"malloc", Builtin::Malloc, 'p', "z", false, Memory},
    {"calloc", Builtin::Calloc, 'p', "zz", false, Memory},
    {"realloc", Builtin::Realloc, 'p', "pz", false, Memory},
    {"free", Builtin::Free, 'v', "p", false, Memory},
    {"memset", Builtin::Memset, 'p', "piz", false, String},
    {"memcpy", Builtin::Memcpy, 'p', "ppz", false, String},
    {"strlen", Builtin::Strlen, 'z', "s", false, String},
    {"strcpy", Builtin::Strcpy, 's', "ss", false, String},
    {"printf", Builtin::Printf, 'i', "s", true, Output},
    {"putchar", Builtin::Putchar, 'i', "i", false, Output},
    {"puts", Builtin::Puts, 'i', "s", false, Output},
    {"exit", Builtin::Exit, 'v', "i", false, Process},
    {"fork", Builtin::Fork, 'i', "", false, Process},
    {"yield", Builtin::Yield, 'v', "", false, Process},
    {"touch", Builtin::Touch, 'v', "pz", false, Process},
    {"fprintf", Builtin::Fprintf, 'i', "fs", true, Output},
    {"sprintf", Builtin::Sprintf, 'i', "ss", true, Output},
    {"snprintf", Builtin::Snprintf, 'i', "szs", true, Output},
    {"fputs", Builtin::Fputs, 'i', "sf", false, Output},
    {"fputc", Builtin::Fputc, 'i', "if", false, Output},
    {"putc", Builtin::Putc, 'i', "if", false, Output},
    {"getchar", Builtin::Getchar, 'i', "", false, Input},
    {"getc", Builtin::Getc, 'i', "f", false, Input},
    {"fgetc", Builtin::Fgetc, 'i', "f", false, Input},
    {"fgets", Builtin::Fgets, 's', "sif", false, Input},
    {"scanf", Builtin::Scanf, 'i', "s", true, Input},
    {"sscanf", Builtin::Sscanf, 'i', "ss", true, Input},
    {"strncpy", Builtin::Strncpy, 's', "ssz", false, String},
    {"strcat", Builtin::Strcat, 's', "ss", false, String},
    {"strncat", Builtin::Strncat, 's', "ssz", false, String},
    {"strcmp", Builtin::Strcmp, 'i', "ss", false, String},
    {"strncmp", Builtin::Strncmp, 'i', "ssz", false, String},
    {"strchr", Builtin::Strchr, 's', "si", false, String},
    {"strrchr", Builtin::Strrchr, 's', "si", false, String},
    {"strstr", Builtin::Strstr, 's', "ss", false, String},
    {"strspn", Builtin::Strspn, 'z', "ss", false, String},
    {"strcspn", Builtin::Strcspn, 'z', "ss", false, String},
    {"strpbrk", Builtin::Strpbrk, 's', "ss", false, String},
    {"strtok", Builtin::Strtok, 's', "ss", false, String},
    {"strdup", Builtin::Strdup, 's', "s", false, String},
    {"strndup", Builtin::Strndup, 's', "sz", false, String},
    {"memmove", Builtin::Memmove, 'p', "ppz", false, String},
    {"memcmp", Builtin::Memcmp, 'i', "ppz", false, String},
    {"memchr", Builtin::Memchr, 'p', "piz", false, String},
    {"isalpha", Builtin::Isalpha, 'i', "i", false, Ctype},
    {"isdigit", Builtin::Isdigit, 'i', "i", false, Ctype},
    {"isalnum", Builtin::Isalnum, 'i', "i", false, Ctype},
    {"isspace", Builtin::Isspace, 'i', "i", false, Ctype},
    {"isupper", Builtin::Isupper, 'i', "i", false, Ctype},
    {"islower", Builtin::Islower, 'i', "i", false, Ctype},
    {"isxdigit", Builtin::Isxdigit, 'i', "i", false, Ctype},
    {"ispunct", Builtin::Ispunct, 'i', "i", false, Ctype},
    {"isprint", Builtin::Isprint, 'i', "i", false, Ctype},
    {"isgraph", Builtin::Isgraph, 'i', "i", false, Ctype},
    {"iscntrl", Builtin::Iscntrl, 'i', "i", false, Ctype},
    {"isblank", Builtin::Isblank, 'i', "i", false, Ctype},
    {"toupper", Builtin::Toupper, 'i', "i", false, Ctype},
    {"tolower", Builtin::Tolower, 'i', "i", false, Ctype},
    {"atoi", Builtin::Atoi, 'i', "s", false, Stdlib},
    {"atol", Builtin::Atol, 'l', "s", false, Stdlib},
    {"atoll", Builtin::Atoll, 'q', "s", false, Stdlib},
    {"strtol", Builtin::Strtol, 'l', "spi", false, Stdlib},
    {"strtoul", Builtin::Strtoul, 'z', "spi", false, Stdlib},
    {"strtoll", Builtin::Strtoll, 'q', "spi", false, Stdlib},
    {"strtoull", Builtin::Strtoull, 'Q', "spi", false, Stdlib},
    {"abs", Builtin::Abs, 'i', "i", false, Stdlib},
    {"labs", Builtin::Labs, 'l', "l", false, Stdlib},
    {"llabs", Builtin::Llabs, 'q', "q", false, Stdlib},
    {"rand", Builtin::Rand, 'i', "", false, Stdlib},
    {"srand", Builtin::Srand, 'v', "u", false, Stdlib},
    {"abort", Builtin::Abort, 'v', "", false, Process},
    {"__assert_fail", Builtin::AssertFail, 'v', "ssus", false, Process},
    {"qsort", Builtin::Qsort, 'v', "pzzF", false, Callback},
    {"bsearch", Builtin::Bsearch, 'p', "ppzzF", false, Callback},
    {"sqrt", Builtin::Sqrt, 'd', "d", false, Math},
    {"pow", Builtin::Pow, 'd', "dd", false, Math},
    {"fabs", Builtin::Fabs, 'd', "d", false, Math},
    {"floor", Builtin::Floor, 'd', "d", false, Math},
    {"ceil", Builtin::Ceil, 'd', "d", false, Math},
    {"round", Builtin::Round, 'd', "d", false, Math},
    {"trunc", Builtin::Trunc, 'd', "d", false, Math},
    {"fmod", Builtin::Fmod, 'd', "dd", false, Math},
    {"exp", Builtin::Exp, 'd', "d", false, Math},
    {"log", Builtin::Log, 'd', "d", false, Math},
    {"log10", Builtin::Log10, 'd', "d", false, Math},
    {"log2", Builtin::Log2, 'd', "d", false, Math},
    {"sin", Builtin::Sin, 'd', "d", false, Math},
    {"cos", Builtin::Cos, 'd', "d", false, Math},
    {"tan", Builtin::Tan, 'd', "d", false, Math},
    {"asin", Builtin::Asin, 'd', "d", false, Math},
    {"acos", Builtin::Acos, 'd', "d", false, Math},
    {"atan", Builtin::Atan, 'd', "d", false, Math},
    {"atan2", Builtin::Atan2, 'd', "dd", false, Math},
    {"hypot", Builtin::Hypot, 'd', "dd", false, Math},
    {"sqrtf", Builtin::Sqrtf, 'g', "g", false, Math},
    {"fabsf", Builtin::Fabsf, 'g', "g", false, Math},
    {"floorf", Builtin::Floorf, 'g', "g", false, Math},
    {"ceilf", Builtin::Ceilf, 'g', "g", false, Math},
    {"roundf", Builtin::Roundf, 'g', "g", false, Math},
    {"truncf", Builtin::Truncf, 'g', "g", false, Math},
    {"fmodf", Builtin::Fmodf, 'g', "gg", false, Math},
    {"atof", Builtin::Atof, 'd', "s", false, Math},
    {"strtod", Builtin::Strtod, 'd', "sP", false, Math},
    {"div", Builtin::Div, 'D', "ii", false, Stdlib},
    {"ldiv", Builtin::Ldiv, 'L', "ll", false, Stdlib},
    {"lldiv", Builtin::Lldiv, 'M', "qq", false, Stdlib},
    {"ungetc", Builtin::Ungetc, 'i', "if", false, Input},
    {"__errno_location", Builtin::ErrnoLocation, 'I', "", false, Errno},
    {"strerror", Builtin::Strerror, 's', "i", false, Errno},
    {"perror", Builtin::Perror, 'v', "s", false, Errno},
}};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (static_cast<std::size_t>(table[i].id) != i) return false;
    }
    return true;
}
static_assert(in_enum_order(), "the table lists the builtins in the order of enum Builtin (the compiler indexes it by id)");

}  // namespace

std::span<const BuiltinInfo> builtins() { return table; }

const BuiltinInfo* find_builtin(const std::string& name) {
    for (const BuiltinInfo& info : table) {
        if (name == info.name) return &info;
    }
    return nullptr;
}

BuiltinOutcome run_builtin(Builtin id, std::span<const std::uint64_t> args, Host& host, LibraryState& state,
                           const LibraryContext& context) {
    BuiltinOutcome out;
    library::Call call{.id = id, .args = args, .host = host, .state = state, .context = context, .out = out};
    switch (table[static_cast<std::size_t>(id)].family) {
        case Memory: library::run_memory(call); break;
        case Output: library::run_output(call); break;
        case Input: library::run_input(call); break;
        case String: library::run_string(call); break;
        case Ctype: library::run_ctype(call); break;
        case Stdlib: library::run_stdlib(call); break;
        case Process: library::run_process(call); break;
        case Math: out = run_math_builtin(id, args, host, context.pointer_size); break;
        case Callback: break;  // qsort and bsearch: the interpreter runs them (they call back)
        case Errno: library::run_errno(call); break;
    }
    if (!out.output.empty()) host.output(out.output);
    if (!out.error_output.empty()) host.error_output(out.error_output);
    return out;
}

}  // namespace memsim::minic

namespace memsim::minic::library {
namespace {

void take(ValueResult r, BuiltinOutcome& out) {
    out.value = r.value;
    out.report = std::move(r.report);
}

}  // namespace

void run_memory(Call& call) {
    const auto& a = call.args;
    std::uint64_t wanted = 0;  // not 0: a NULL result is a failure (ENOMEM), not malloc(0) or realloc(p, 0)
    switch (call.id) {
        case Builtin::Malloc: take(call.host.malloc(a[0]), call.out); wanted = a[0]; break;
        case Builtin::Calloc: take(call.host.calloc(a[0], a[1]), call.out); wanted = a[0] != 0 && a[1] != 0; break;
        case Builtin::Realloc: take(call.host.realloc(a[0], a[1]), call.out); wanted = a[1]; break;
        case Builtin::Free: call.out.report = call.host.free(a[0]); break;
        default: break;
    }
    if (wanted != 0 && call.out.value == 0 && call.ok()) call.out.set_errno = errno_enomem;
}

void run_process(Call& call) {
    const auto& a = call.args;
    BuiltinOutcome& out = call.out;
    switch (call.id) {
        case Builtin::Exit:
            out.exit = true;
            out.value = a[0];
            break;
        case Builtin::Fork: take(call.host.fork(), out); break;
        case Builtin::Yield: out.report = call.host.yield(); break;
        case Builtin::Touch: out.report = call.host.touch(a[0], a[1]); break;
        case Builtin::Abort:
            out.abort = true;
            out.abort_text = "abort() was called";
            break;
        case Builtin::AssertFail: {
            // glibc: "prog: prog.c:12: main: Assertion `x > 0' failed." on stderr, then abort().
            std::string expression, file, function;
            if (!call.read_string(a[0], expression) || !call.read_string(a[1], file) || !call.read_string(a[3], function)) break;
            const std::string message = std::string(call.context.program_name) + ": " + file + ":" +
                                        std::to_string(static_cast<std::uint32_t>(a[2])) + ": " + function +
                                        ": Assertion `" + expression + "' failed.";
            out.error_output = message + "\n";
            out.abort = true;
            out.abort_text = "the assertion `" + expression + "' is false (" + message + ")";
            break;
        }
        default: break;
    }
}

}  // namespace memsim::minic::library
