#pragma once
// The MiniC preprocessor: the C preprocessor's work on tokens, between the lexer and the
// parser, so that every token keeps the line and column it had in the source.
//
//   source --lex_tokens--> tokens --preprocess--> tokens --parse--> Program
//
// What it does, as cpp does:
//   #include <stdio.h>           a standard header: accepted, nothing is read (the library
//                                is built in); `#include "list.h"` is refused (one file)
//   #define N 10                 object-like macro
//   #define MAX(a, b) ((a) > (b) ? (a) : (b))   function-like macro, with `#x` (the
//                                argument as a string) and `a ## b` (two tokens pasted)
//   #undef N
//   #if / #ifdef / #ifndef / #elif / #else / #endif, with `defined X` and integer
//                                constant expressions (names that are no macro count 0)
//   #error text                  stops with the text;  #pragma (once or other): ignored
// Predefined: NULL, EOF, EXIT_SUCCESS, EXIT_FAILURE, RAND_MAX (glibc: 2147483647),
// true, false, <limits.h> (CHAR_BIT, INT_MAX, LONG_MAX, ... for the data model),
// SIZE_MAX, the <stdint.h> limits (INT8_MAX .. UINT64_MAX), __LINE__, __FILE__,
// __STDC__, __STDC_VERSION__ (199901L), __linux__, __x86_64__ (LP64) or __i386__ (ILP32).
//
// A token from a macro's body takes the line and column of the macro's use, so errors
// and the current-line marker point at the line the learner wrote. The lines that use
// the program's own macros are listed (memsim/minic/macro_lines.hpp) when asked.
//
//   Result<std::vector<Token>> tokens = preprocess("#define N 3\nint a[N];");
//   // int a [ 3 ] ; End   (the 3 at line 2, column 7)
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/minic/lexer.hpp"
#include "memsim/minic/macro_lines.hpp"
#include "memsim/minic/types.hpp"

namespace memsim::minic {

struct PreprocessConfig {
    DataModel model = DataModel::Lp64;  // = Lp64 // fixes LONG_MAX, SIZE_MAX, ...
    int first_line = 1;                 // = 1 // the line number of the source's first line
    std::string file_name = "prog.c";  // what __FILE__ says (argv[0] is "prog")
};

// The largest number of tokens macro expansion may produce for one program.
inline constexpr std::size_t max_expanded_tokens = 2'000'000;

// Lexes and preprocesses a program; the last token is End. Errors name line and column.
// With `macro_lines`, also lists the lines that expanded the program's own macros.
Result<std::vector<Token>> preprocess(std::string_view source, const PreprocessConfig& config = {},
                                      std::vector<MacroLine>* macro_lines = nullptr);

// Whether `name` (as in `#include <name>`) is a standard header MiniC accepts.
bool is_standard_header(std::string_view name);

}  // namespace memsim::minic
