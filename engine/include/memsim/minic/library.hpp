#pragma once
// The MiniC library: the C functions a program may call without defining them, and the
// simulator calls. Each runs against the Host, so every byte it reads or writes is a
// load or store of the simulated machine (strlen of a 5-character string makes 6 loads),
// and behaves as glibc 2.36 does for every valid input.
//
//   stdio.h   printf fprintf sprintf snprintf puts fputs putchar fputc putc (format.hpp)
//             getchar getc fgetc fgets ungetc scanf sscanf (scan.hpp)   stdin stdout stderr EOF
//   string.h  strlen strcpy strncpy strcat strncat strcmp strncmp strchr strrchr strstr
//             strspn strcspn strpbrk strtok strdup strndup memcpy memmove memset memcmp memchr
//   ctype.h   isalpha isdigit isalnum isspace isupper islower isxdigit ispunct isprint
//             isgraph iscntrl isblank toupper tolower (the C locale)
//   stdlib.h  malloc calloc realloc free atoi atol atoll strtol strtoul strtoll strtoull
//             abs labs llabs div ldiv lldiv rand srand (glibc's TYPE_3 generator) exit abort
//   assert.h  assert(e): glibc's message on stderr, then abort (NDEBUG turns it off)
//   errno.h   errno (glibc's macro: *__errno_location()), EDOM ERANGE EINVAL ENOMEM ...;
//             strerror (string.h) and perror (stdio.h). errno is an int in the program's
//             static data, placed when the program names it; strtol and friends, malloc,
//             calloc, realloc and the math functions set it as glibc does.
//   simulator int fork(void)   the simulated process forks (copy-on-write); 0 in the child
//             void yield(void) switch to another process
//             void touch(void *p, unsigned long bytes)   touch every page of a range
//
// Strings are read at most max_string bytes far: a string without its NUL is reported,
// instead of one call walking all of memory.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/minic/host.hpp"

namespace memsim::minic {

enum class Builtin : std::uint8_t {
    Malloc, Calloc, Realloc, Free, Memset, Memcpy, Strlen, Strcpy, Printf, Putchar, Puts, Exit,
    Fork, Yield, Touch,
    // stdio.h output
    Fprintf, Sprintf, Snprintf, Fputs, Fputc, Putc,
    // stdio.h input
    Getchar, Getc, Fgetc, Fgets, Scanf, Sscanf,
    // string.h
    Strncpy, Strcat, Strncat, Strcmp, Strncmp, Strchr, Strrchr, Strstr, Strspn, Strcspn, Strpbrk,
    Strtok, Strdup, Strndup, Memmove, Memcmp, Memchr,
    // ctype.h
    Isalpha, Isdigit, Isalnum, Isspace, Isupper, Islower, Isxdigit, Ispunct, Isprint, Isgraph,
    Iscntrl, Isblank, Toupper, Tolower,
    // stdlib.h
    Atoi, Atol, Atoll, Strtol, Strtoul, Strtoll, Strtoull, Abs, Labs, Llabs, Rand, Srand, Abort,
    // assert.h (the assert macro calls it)
    AssertFail,
    // <stdlib.h> calls that call back into the program (run by the interpreter, which
    // steps through each comparator call): memsim/minic/interpreter.hpp.
    Qsort, Bsearch,
    // <math.h> and <stdlib.h>'s atof and strtod: library_math.cpp.
    Sqrt, Pow, Fabs, Floor, Ceil, Round, Trunc, Fmod, Exp, Log, Log10, Log2, Sin, Cos, Tan, Asin, Acos, Atan,
    Atan2, Hypot, Sqrtf, Fabsf, Floorf, Ceilf, Roundf, Truncf, Fmodf, Atof, Strtod,
    // stdlib.h's div, ldiv and lldiv return a struct {quot, rem}: the caller's slot for it
    // comes first, before the two numbers (library_stdlib.cpp).
    Div, Ldiv, Lldiv,
    // stdio.h: ungetc(c, stdin) pushes a byte back for the next read (library_input.cpp).
    Ungetc,
    // errno.h, string.h's strerror and stdio.h's perror (library_errno.cpp).
    ErrnoLocation, Strerror, Perror,
};

// Which file implements a library function.
enum class Family : std::uint8_t { Memory, Output, Input, String, Ctype, Stdlib, Process, Math, Callback, Errno };

// How a library function is called. Signature letters: v void, i int, u unsigned int,
// l long, q long long, Q unsigned long long, z unsigned long (size_t), p any pointer, I int *,
// s char *, f FILE *, d double, g float, P char ** (strtod's end), F a comparator
// int (*)(const void *, const void *); results only: D div_t, L ldiv_t, M lldiv_t.
struct BuiltinInfo {
    const char* name;
    Builtin id;
    char returns;          // signature letter of the result
    const char* params;    // one signature letter per parameter
    bool variadic;         // printf: more arguments may follow
    Family family;
};

// Every library function, in the order of Builtin.
std::span<const BuiltinInfo> builtins();
// The library function named `name`, or nullptr.
const BuiltinInfo* find_builtin(const std::string& name);

// The longest string the library reads before it gives up (a missing NUL otherwise
// walks all of memory).
inline constexpr std::uint64_t max_string = 1u << 16;

// The most bytes ungetc keeps pushed back at once (glibc grows its buffer; a program
// that pushes back more than this gets EOF from ungetc).
inline constexpr std::size_t max_pushed_back = 4096;

// The FILE * values of the three standard streams (FILE is opaque in MiniC).
inline constexpr std::uint64_t stdin_handle = 1, stdout_handle = 2, stderr_handle = 3;

// glibc's random(): an additive feedback generator over 31 words (TYPE_3), r[i] =
// r[i-3] + r[i-31], seeded by srand through 16807 * x mod (2^31 - 1) and 310 discarded
// outputs. Unseeded, it is as after srand(1).
struct RandState {
    std::array<std::int32_t, 31> words{};
    std::uint8_t front = 3;  // glibc's fptr
    std::uint8_t rear = 0;   // glibc's rptr
    bool seeded = false;     // false: srand(1) runs before the first rand()

    bool operator==(const RandState&) const = default;
};

// What the library remembers between calls: part of the program's state, so it is
// copied with checkpoints.
struct LibraryState {
    RandState rand{};
    std::uint64_t strtok_next = 0;    // where the next strtok(NULL, ...) goes on; 0 = done
    std::uint64_t stdin_offset = 0;   // bytes of standard input consumed
    std::string pushed_back{};        // bytes ungetc gave back, read before the input, last first

    bool operator==(const LibraryState&) const = default;
};

// errno's values, as glibc numbers them on Linux.
inline constexpr int errno_enoent = 2, errno_enomem = 12, errno_einval = 22, errno_edom = 33, errno_erange = 34;

// glibc's strerror text for error `code` ("Numerical result out of range"), or empty for a
// code it has no text for ("Unknown error 41" is built per call).
std::string_view error_message(int code);
// The codes error_message knows lie in [0, error_message_count).
inline constexpr int error_message_count = 134;

// Where the C library's own static data lives in the program's memory (placed when the
// program starts, only when it uses errno, strerror or perror).
struct LibraryData {
    std::uint64_t errno_address = 0;                 // the int errno; 0: the program never reads errno
    std::vector<std::uint64_t> error_messages{};     // strerror's strings, by code (0: not placed)
    std::uint64_t strerror_buffer = 0;               // "Unknown error N" is written here
    static constexpr std::uint64_t strerror_buffer_size = 32;

    bool operator==(const LibraryData&) const = default;
};

// What the library knows about the run.
struct LibraryContext {
    std::uint32_t long_size = 8;     // = 8 // bytes of a long (%ld)
    std::uint32_t pointer_size = 8;  // = 8 // bytes of a pointer (%p)
    std::string_view stdin_text{};   // the program's standard input
    std::string_view program_name = "prog";  // argv[0], as assert's message names it
    const LibraryData* data = nullptr;       // errno and strerror's strings; null: none placed
};

// What a library call did.
struct BuiltinOutcome {
    std::uint64_t value = 0;     // the return value
    std::string output{};        // text printed on stdout
    std::string error_output{};  // text printed on stderr
    Report report;               // a learner error, possibly fatal
    bool exit = false;           // exit() was called; value holds the code
    bool abort = false;          // abort() was called (a failed assert too); `abort_text` says why
    std::string abort_text{};
    int set_errno = 0;           // not 0: the call sets errno to this (ERANGE from strtol...)
};

// Runs a library function with its (already converted) arguments.
BuiltinOutcome run_builtin(Builtin id, std::span<const std::uint64_t> args, Host& host, LibraryState& state,
                           const LibraryContext& context);

// Runs a math function or atof/strtod (library_math.cpp); a double's or float's bits in and out.
BuiltinOutcome run_math_builtin(Builtin id, std::span<const std::uint64_t> args, Host& host, std::uint32_t pointer_size);

}  // namespace memsim::minic
