#pragma once
// The MiniC syntax tree: what the parser builds, the checker annotates and the compiler
// turns into the interpreter's instructions.
//
// Nodes live in flat vectors of the Program and refer to each other by index (-1 = none),
// so the tree is a plain value: copying the Program copies the tree. Every node keeps the
// line and column where it starts, for error messages and for the current-line marker.
//
//   x = a[i] + 1;     Stmt{Expr, expr=e4}
//                     e4 Assign(a=e0 "x", b=e3)   e3 Binary Add(a=e2, b=e5)
//                     e2 Index(a=e1 "a", b=e6 "i")   e5 Number 1
//
// The checker fills each expression's `type` and, for names, what they refer to
// (a local of the function, a global, a function or a library function).
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/minic/macro_lines.hpp"
#include "memsim/minic/types.hpp"

namespace memsim::minic {

enum class ExprKind : std::uint8_t {
    Number,       // value; type int, long, unsigned... from the suffix and size
    String,       // value = index into Program::strings
    Name,         // name; resolved by the checker (ref, ref_index)
    Call,         // a(args...): a = the callee; name = its name when it is one (ref Function or
                  // Builtin: a direct call; ref None: a call through the function pointer a)
    Index,        // a[b]
    Member,       // a.name
    Arrow,        // a->name
    PostInc, PostDec, PreInc, PreDec,   // a++ a-- ++a --a
    AddressOf,    // &a
    Deref,        // *a
    Negate,       // -a
    Plus,         // +a
    Not,          // !a
    BitNot,       // ~a
    Cast,         // (operand_type) a
    SizeofType,   // sizeof(operand_type)
    SizeofExpr,   // sizeof a
    Binary,       // a op b (arithmetic, comparison, logical && ||)
    Assign,       // a = b
    CompoundAssign,  // a op= b
    Conditional,  // a ? b : c
    Comma,        // a, b: a for its effect, then the value of b
    CompoundLiteral,  // (type){...}: an unnamed object, the hidden local `temp` with the list as its initializer
};

enum class BinaryOp : std::uint8_t {
    Add, Sub, Mul, Div, Mod, Shl, Shr, BitAnd, BitOr, BitXor,
    Lt, Gt, Le, Ge, Eq, Ne, LogicalAnd, LogicalOr,
};

// The C spelling of an operator ("+", "<<", "&&").
const char* binary_op_spelling(BinaryOp op);

// What a name refers to, once the checker has resolved it (a Function name used as a
// value is the function's address).
enum class RefKind : std::uint8_t { None, Local, Global, Function, Builtin };

struct Expr {
    ExprKind kind = ExprKind::Number;
    BinaryOp op = BinaryOp::Add;      // Binary, CompoundAssign
    int line = 0;
    int column = 0;
    std::int32_t a = -1, b = -1, c = -1;   // operands
    std::vector<std::int32_t> args{};        // Call arguments
    std::string name{};                      // Name, Call, Member, Arrow
    std::uint64_t value = 0;               // Number, String (string index)
    TypeId type = 0;                       // the result type (checker; parser for literals)
    TypeId operand_type = 0;               // Cast target, SizeofType operand
    RefKind ref = RefKind::None;           // Name, Call
    std::int32_t ref_index = -1;           // local, global, function or builtin index
    std::uint64_t field_offset = 0;        // Member, Arrow (checker)
    // A hidden local of the function the expression is in: a CompoundLiteral's object, or
    // (checker) the caller's slot that a Call of a struct-returning function returns into.
    std::int32_t temp = -1;
};

enum class StmtKind : std::uint8_t {
    Block,     // { children } with its own scope
    Group,     // children without a scope: `int a, b;` declares two
    Decl,      // a local variable: var; its initializer is in the function's locals
    Expr,      // expr;
    If,        // if (expr) body else else_body
    While,     // while (expr) body
    DoWhile,   // do body while (expr);
    For,       // for (init; expr; step) body
    Break, Continue,
    Return,    // return expr;  (expr = -1 when none)
    Empty,     // ;
    Switch,    // switch (expr) body; children: its Case and Default labels, in order
    Case,      // case value:  (a label inside the switch's body)
    Default,   // default:
    Label,     // label: body   (a goto target)
    Goto,      // goto label;
};

struct Stmt {
    StmtKind kind = StmtKind::Empty;
    int line = 0;
    int column = 0;
    std::int32_t expr = -1;        // condition, value or expression
    std::int32_t init = -1;        // For: the init statement
    std::int32_t step = -1;        // For: the step expression
    std::int32_t body = -1;        // If then, loop body
    std::int32_t else_body = -1;   // If else
    std::int32_t var = -1;         // Decl: index into the function's locals (a static local: into globals)
    bool is_static = false;        // Decl: a static local, stored with the globals
    std::int64_t value = 0;        // Case: the label's value
    std::string label{};           // Label, Goto: the label's name; Case: the label as spelled ("case 'q'")
    std::vector<std::int32_t> children{};  // Block, Group
};

// A variable: a global, a parameter or a local.
struct VarDecl {
    std::string name{};
    TypeId type = 0;
    int line = 0;
    int column = 0;
    std::int32_t init = -1;                // `= expr`, or -1
    std::vector<std::int32_t> init_list{};   // `= {a, b, c}`
    bool has_init_list = false;
    std::int32_t owner = -1;   // a static local: the function it is visible in (it lives with the globals)
};

// A function: parameters are the first `param_count` locals; every local of every block
// follows, each with its own slot (shadowed names get separate slots).
struct Function {
    std::string name{};
    TypeId return_type = 0;
    std::size_t param_count = 0;
    std::vector<VarDecl> locals{};
    std::int32_t body = -1;        // the Block statement; -1 for a prototype only
    int line = 0;
    int column = 0;
};

// A whole parsed program.
struct Program {
    TypeTable types;
    std::vector<Expr> exprs{};
    std::vector<Stmt> stmts{};
    std::vector<VarDecl> globals{};
    std::vector<Function> functions{};
    std::vector<std::string> strings{};   // string literal bytes, without the closing NUL
    int first_line = 1;                   // the line number of the source's first line
    std::vector<MacroLine> macro_lines{};  // the lines that use the program's own macros, in line order

    // The index of the function named `name`, or -1.
    std::int32_t find_function(const std::string& name) const;
};

}  // namespace memsim::minic
