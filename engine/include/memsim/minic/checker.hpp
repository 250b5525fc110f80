#pragma once
// The MiniC checker: the meaning of a parsed program, before it runs.
//
// It resolves every name (a local in scope, a global, a function, a library function),
// works out the type of every expression with C's rules (integer promotion, the usual
// arithmetic conversions, pointer arithmetic scaled by the element size, arrays decaying
// to pointers), and refuses what would not compile, with line and column:
//
//   "4:12: 'cout' is not defined; did you mean 'count'?"
//   "7:5: 'f' takes 2 arguments but is given 1"
//   "9:9: cannot assign 'int *' to 'char' without a cast"
//   "1:1: the program has no 'main' function"
//
//   Result<Program> program = parse(source);
//   if (program) { auto checked = check(*program); ... }
#include "memsim/core/result.hpp"
#include "memsim/minic/ast.hpp"

namespace memsim::minic {

// The largest object MiniC places (a local array, a global): 1 GiB.
inline constexpr std::uint64_t max_object_size = 1ull << 30;
// The most elements an initializer list `= {...}` may fill (the rest of them are zeroed
// one store each, so a huge array is filled with a loop instead).
inline constexpr std::uint64_t max_initialized_elements = 4096;

// Checks and annotates the program in place (expression types, name references, field
// offsets). Every error found is returned: the first, with the others in its `also`
// (at most max_compile_errors; the checker goes on at the next statement).
tl::expected<void, Error> check(Program& program);

}  // namespace memsim::minic
