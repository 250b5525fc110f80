#pragma once
// Internal to the MiniC compiler (not installed): the Compiler class that turns a checked
// Program into stack-machine code (see memsim/minic/code.hpp), shared by the files that
// implement it by feature: compiler_statements.cpp (globals, frames, statements, loops) and
// compiler_expressions.cpp (values, addresses, operators, calls). Expressions compile
// recursively; the parser bounds their depth, so this recursion is bounded too.
#include <optional>
#include <string>
#include <utility>
#include "memsim/core/assert.hpp"
#include "memsim/minic/checker.hpp"
#include "memsim/minic/float_bits.hpp"
#include "memsim/minic/code.hpp"
#include "memsim/minic/library.hpp"
#include "memsim/minic/parser.hpp"

namespace memsim::minic::compiling {

class Compiler {
public:
    explicit Compiler(CompiledProgram& out) : out_(out), p_(out.program), t_(out.program.types) {}

    void run() {
        out_.main = p_.find_function("main");
        for (const VarDecl& g : p_.globals) out_.globals.push_back(global_image(g));
        out_.functions.resize(p_.functions.size());
        for (std::size_t i = 0; i < p_.functions.size(); ++i) function(static_cast<std::int32_t>(i));
    }

private:
    CompiledProgram& out_;
    const Program& p_;
    TypeTable& t_;  // the compiler adds decayed pointer types
    std::int32_t fn_ = -1;
    std::vector<std::size_t> breaks_, continues_;       // jumps to patch
    std::vector<std::size_t> break_marks_, continue_marks_;
    std::vector<std::pair<std::int32_t, std::size_t>> label_jumps_;  // switch label statement, jump to it
    std::vector<std::pair<std::string, std::size_t>> goto_labels_;  // the function's labels and where they start
    std::vector<std::pair<std::string, std::size_t>> gotos_;        // each goto's label and its Jump
    // Per open block: its variable-length arrays, released when it ends; and how many blocks
    // were open where each loop or switch began (a break or continue leaves the rest).
    std::vector<std::vector<std::int32_t>> array_scopes_;
    bool has_variable_arrays_ = false;  // the function being compiled declares one (its labels then release arrays)
    std::vector<std::size_t> break_scopes_, continue_scopes_;

    const Expr& ex(std::int32_t i) const { return p_.exprs[static_cast<std::size_t>(i)]; }
    const Stmt& st(std::int32_t i) const { return p_.stmts[static_cast<std::size_t>(i)]; }
    std::size_t here() const { return out_.code.size(); }
    std::size_t emit(Instr in) {
        out_.code.push_back(in);
        return out_.code.size() - 1;
    }
    std::size_t emit(Op op, std::int32_t a = 0) { return emit(Instr{.op = op, .a = a}); }
    void constant(std::int64_t v) { emit(Instr{.op = Op::Const, .imm = v}); }
    void patch(std::size_t at) { out_.code[at].a = static_cast<std::int32_t>(here()); }
    std::uint8_t size8(TypeId t) const { return static_cast<std::uint8_t>(t_.size_of(t)); }
    // A Store's `b`: the pointer type stored, so the interpreter can type the heap block
    // the pointer names; 0 for other stores.
    std::int32_t pointer_type_tag(TypeId t) const { return t_.is_pointer(t) ? static_cast<std::int32_t>(t) : 0; }
    // Loads and conversions sign-extend signed integers; floating bits are zero-extended.
    std::uint8_t is_signed(TypeId t) const { return t_.is_unsigned(t) || t_.is_floating(t) ? 0 : 1; }
    TypeId decay(TypeId t) {
        if (t_.is_array(t)) return t_.pointer_to(t_.element(t));
        return t_.is_function(t) ? t_.pointer_to(t) : t;
    }

    // Normalises the top value from type `from` to type `to`, when their bits differ.
    void convert(TypeId from, TypeId to);
    // Pushes the value of `e` as a truth value for a jump: a double is true when != 0.0
    // (-0.0 is false, NaN true), which its bits alone do not say.
    void truth(std::int32_t e);
    // The bits of a constant initializer converted to `target` (a global's image).
    std::uint64_t constant_bits(const Expr& e, TypeId target) const;

    // ---- globals and frames ----
    GlobalImage global_image(const VarDecl& g);
    // A constant's value as C computes it: an integer (its 64 bits) or a floating number.
    struct ConstantValue {
        std::uint64_t bits = 0;
        bool is_unsigned = false;
        bool floating = false;
        double real = 0;
    };
    ConstantValue constant_value(const Expr& e) const;
    ConstantValue constant_binary(const Expr& e) const;

    // Offsets and types of the scalars an initializer list fills, in order.
    std::vector<std::pair<std::uint64_t, TypeId>> init_slots(TypeId type) const;
    stack::Variable slot(const VarDecl& v) const;
    void function(std::int32_t index);

    // ---- statements ----
    void mark(int line) { emit(Op::Stmt, line); }

    void statement(std::int32_t index);

    void begin_loop() {
        break_marks_.push_back(breaks_.size());
        continue_marks_.push_back(continues_.size());
        break_scopes_.push_back(array_scopes_.size());
        continue_scopes_.push_back(array_scopes_.size());
    }
    // Releases the variable-length arrays of the blocks from `first_scope` on, innermost
    // last placed first (a jump out of them, or their end).
    void release_arrays(std::size_t first_scope);
    void patch_continues(std::size_t target);
    // Patches the loop's breaks to jump here and forgets them.
    void finish_loop();
    void loop_body(std::int32_t body, std::size_t continue_target);

    // for (init; cond; step) body: the step and the next test are one step, at the for line.
    void for_loop(const Stmt& s);
    void declaration(const Stmt& s);
    // Stores the initializer of local `var` (a declaration's, or a compound literal's).
    void initialize(std::int32_t var);

    // switch: compare with each case in turn, jump to its label (or default, or past the end).
    void switch_statement(const Stmt& s);

    // local[offset] = init (or 0 when init is -1), for a scalar or struct of `type`.
    void store_at(std::int32_t local, std::uint64_t offset, TypeId type, std::int32_t init);

    // ---- expressions ----
    void discard(std::int32_t e) {
        value(e);
        emit(Op::Pop);
    }

    // Pushes the address of an lvalue (or of a string literal).
    void address(std::int32_t index);

    // pointer op integer, scaled by the element size.
    void pointer_plus(std::int32_t pointer, std::int32_t integer, Op op);

    void scale(std::uint64_t element_size) {
        if (element_size == 1) return;
        constant(static_cast<std::int64_t>(element_size));
        emit(Op::Mul);
    }
    // Multiplies the top value by the bytes of `element`, known at run time for a
    // variable-length array (a row of `int m[rows][cols]`).
    void scale_by(TypeId element) {
        if (!t_.is_variable_array(element)) return scale(t_.size_of(element));
        type_bytes(element);
        emit(Op::Mul);
    }
    // Pushes the bytes of a type: sizeof, at run time for a variable-length array.
    void type_bytes(TypeId type) {
        if (!t_.is_variable_array(type)) return constant(static_cast<std::int64_t>(t_.size_of(type)));
        const VariableArray& v = t_.variable_array(type);
        emit(Instr{.op = Op::ArraySize, .a = v.local, .b = static_cast<std::int32_t>(v.depth)});
    }
    // `int a[n];` as it runs: computes the sizes and places the array in the frame.
    void push_array(std::int32_t var);

    void load(TypeId type) { emit(Instr{.op = Op::Load, .size = size8(type), .flag = is_signed(type)}); }

    // Pushes the value of an expression (arrays and strings: their address; structs: their address).
    void value(std::int32_t index);
    void call(const Expr& e);
    Op arithmetic_op(BinaryOp op) const;
    Op floating_op(BinaryOp op) const;
    void binary(const Expr& e);
    void assign(const Expr& e);
    void compound(const Expr& e);
};

}  // namespace memsim::minic::compiling
