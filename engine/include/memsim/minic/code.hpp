#pragma once
// The instructions the interpreter runs: a small stack machine the compiler makes from
// the checked syntax tree.
//
// Expressions push and pop 64-bit values on an operand stack; every variable access is
// an explicit address then Load or Store, so each one reaches the host (and the MMU).
// `Stmt` marks where a source statement begins: a step of the interpreter runs from one
// Stmt to the next, so one step is one statement.
//
//   sum = sum + i;     Stmt 7
//                      LocalAddr 0          address of sum
//                      LocalAddr 0, Load 4  value of sum
//                      LocalAddr 1, Load 4  value of i
//                      Add, Conv 4 signed   int arithmetic wraps at 32 bits
//                      Store 4, Pop
//
// Values are kept normalised to their type: signed types sign-extended to 64 bits,
// unsigned types and pointers zero-extended, float and double as their IEEE bits
// (memsim/minic/float_bits.hpp) with their own instructions (FAdd, FLt, IntToFloat...).
#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/minic/ast.hpp"
#include "memsim/minic/host.hpp"

namespace memsim::minic {

enum class Op : std::uint8_t {
    Stmt,        // a = line: a statement begins (a step boundary)
    Const,       // push imm
    LocalAddr,   // push the address of local a of the current call
    GlobalAddr,  // push the address of global a
    StringAddr,  // push the address of string literal a
    Load,        // pop address; push the `size`-byte value there (flag: signed)
    Store,       // pop value, pop address; store `size` bytes; push the value
    Copy,        // pop source, pop destination; copy imm bytes; push destination
    Pop,         // drop the top value
    Dup,         // push the top value again
    Add, Sub, Mul, Div, Mod, Shl, Shr, BitAnd, BitOr, BitXor,   // flag: signed (Div, Mod, Shr)
    Lt, Le, Gt, Ge, Eq, Ne,                                    // flag: signed; push 0 or 1
    Neg, BitNot, Not,
    Conv,        // normalise the top value to `size` bytes (flag: signed)
    Jump,        // go to a
    JumpIfZero,  // pop; go to a when zero
    JumpIfNonZero,  // pop; go to a when not zero
    IncDec,      // pop address; add imm to the `size`-byte value (flag bit 0 signed, bit 1 postfix, bit 2 floating)
    Call,        // a = function index; the arguments are on the stack
    Builtin,     // a = library function (Builtin), b = argument count
    Ret,         // flag: a value is on the stack; return it
    // Floating point on IEEE bits (size 4: float, 8: double), rounded as C on x86-64 (SSE).
    FAdd, FSub, FMul, FDiv,     // pop b, a; push a op b
    FLt, FLe, FGt, FGe, FEq, FNe,  // push 0 or 1 (a NaN compares false, except with !=)
    FNeg,
    IntToFloat,  // the integer on top (flag: signed) becomes a float of `size` bytes
    FloatToInt,  // the float of `a` bytes on top becomes an integer of `size` bytes (flag: signed), truncated
    FloatToFloat,  // the float of `a` bytes on top becomes one of `size` bytes, rounded to nearest
    FunctionAddr,  // push the code address of function a (a function pointer's value)
    CallIndirect,  // pop a function pointer; call it with the b arguments below it (imm: the struct it returns, else 0)
    Resume,        // a library call that calls back (qsort's comparator) takes the result and goes on
    // Variable-length arrays (`int m[rows][cols];`): the sizes live in the interpreter, the
    // bytes in the frame.
    ArrayPush,     // pop b counts (outermost first); place local a's array of them (imm: element bytes)
    ArrayPop,      // release local a's array (and any pushed after it), when it is placed
    ArraySize,     // push the bytes of dimension b (0 = the whole array) of local a's array
    // A switch's choice, for the step's explanation: the switch value is on top (kept);
    // a = the label statement it jumps to (-1: none matched and there is no default);
    // flag: the value is signed; b: the switch value is a char (shown as a character too).
    SwitchCase,
    // A goto's label: keep the first a variable-length arrays of this call (those in scope
    // at the label) and release the rest, as a jump out of (or back before) their block does.
    ArrayKeep,
};

// One instruction: 16 bytes.
struct Instr {
    Op op = Op::Stmt;
    std::uint8_t size = 0;
    std::uint8_t flag = 0;
    std::int32_t a = 0;
    std::int32_t b = 0;
    std::int64_t imm = 0;
};

// A function as the interpreter calls it.
struct CompiledFunction {
    std::uint32_t entry = 0;                 // first instruction
    std::vector<stack::Variable> params{};     // name, size, alignment (values filled per call)
    // Per parameter: the bytes of a struct passed by value (its argument is the address of
    // the caller's struct, copied into the parameter's slot at the call), else 0.
    std::vector<std::uint64_t> struct_copies{};
    std::vector<stack::Variable> locals{};     // every other local, in slot order (no variable-length arrays)
    // Per local (parameters first): a variable-length array, placed when its declaration
    // runs rather than with the frame (it has no entry in `locals`).
    std::vector<bool> variable_arrays{};
    bool returns_value = false;
    // The bytes of a struct returned by value, else 0. The caller passes the address of a
    // slot in its own frame below the arguments; `return s;` copies s there, and the
    // call's value is that slot's address.
    std::uint64_t return_struct = 0;
    std::uint8_t return_size = 0;
    bool return_signed = false;
    std::size_t param_count() const { return params.size(); }
};

// A global's initial image: zero bytes plus, for `char *p = "hi"` and
// `int (*op)(int) = twice`, the addresses of string literals and functions to patch in
// once they are placed.
struct GlobalImage {
    std::vector<std::uint8_t> bytes{};
    struct StringPatch {
        std::uint64_t offset = 0;
        std::uint32_t size = 0;
        std::int32_t string = 0;     // the string literal, or -1 for a function's address
        std::int32_t function = -1;  // the function whose address goes here
    };
    std::vector<StringPatch> patches{};
};

// A compiled program: the checked tree (for names and types), the code and the
// functions' frame shapes. Immutable once built, so interpreters share it.
struct CompiledProgram {
    Program program;
    std::vector<Instr> code{};
    std::vector<CompiledFunction> functions{};
    std::vector<GlobalImage> globals{};
    std::int32_t main = -1;          // index of main
    // Each source line as a step quotes it ("Line 28 runs: if (pid == 0)"): trimmed, a
    // trailing '{' dropped, long lines shortened. Index: line - first_line.
    std::vector<std::string> line_texts{};
    int first_line = 1;

    // The program's macros expanded on a line, or null.
    const MacroLine* macro_line(int line) const {
        const auto& lines = program.macro_lines;
        const auto it = std::lower_bound(lines.begin(), lines.end(), line, [](const MacroLine& m, int l) { return m.line < l; });
        return it != lines.end() && it->line == line ? &*it : nullptr;
    }

    // The quoted text of a source line ("" outside the program).
    std::string_view line_text(int line) const {
        const auto i = static_cast<std::size_t>(line - first_line);
        return line >= first_line && i < line_texts.size() ? std::string_view(line_texts[i]) : std::string_view();
    }
};

// What to build for.
struct CompileOptions {
    DataModel model = DataModel::Lp64;
    // The line number of the source's first line: a scenario passes its body's first line,
    // so errors, events and current_line() use the lines of the whole file.
    int first_line = 1;
};

// Lexes, parses, checks and compiles a MiniC program. Errors name line and column.
Result<std::shared_ptr<const CompiledProgram>> compile(std::string_view source, const CompileOptions& options = {});

// The mnemonic of an instruction, for listings and tests.
const char* op_name(Op op);

}  // namespace memsim::minic
