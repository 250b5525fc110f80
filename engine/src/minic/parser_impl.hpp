#pragma once
// Internal to the MiniC parser (not installed): the Parser class shared by the files that
// implement it by feature: parser_declarations.cpp (types, globals, functions),
// parser_statements.cpp and parser_expressions.cpp. See memsim/minic/parser.hpp.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "memsim/minic/checker.hpp"
#include "memsim/minic/lexer.hpp"
#include "memsim/minic/parser.hpp"

namespace memsim::minic::parsing {

struct Unsupported {
    const char* word;
    const char* message;
};

// C words outside MiniC, each refused with a reason and, where there is one, the way round.
constexpr Unsupported unsupported_words[] = {
    {"_Complex", "complex numbers are not supported in MiniC"},
    {"asm", "inline assembly is not supported in MiniC"},
};

inline const char* unsupported_message(const std::string& word) {
    for (const Unsupported& u : unsupported_words) {
        if (word == u.word) return u.message;
    }
    return nullptr;
}

struct BinaryLevel {
    const char* spelling;
    BinaryOp op;
    int precedence;  // higher binds tighter
};

constexpr BinaryLevel binary_levels[] = {
    {"||", BinaryOp::LogicalOr, 1}, {"&&", BinaryOp::LogicalAnd, 2}, {"|", BinaryOp::BitOr, 3},
    {"^", BinaryOp::BitXor, 4},     {"&", BinaryOp::BitAnd, 5},      {"==", BinaryOp::Eq, 6},
    {"!=", BinaryOp::Ne, 6},        {"<", BinaryOp::Lt, 7},          {">", BinaryOp::Gt, 7},
    {"<=", BinaryOp::Le, 7},        {">=", BinaryOp::Ge, 7},         {"<<", BinaryOp::Shl, 8},
    {">>", BinaryOp::Shr, 8},       {"+", BinaryOp::Add, 9},         {"-", BinaryOp::Sub, 9},
    {"*", BinaryOp::Mul, 10},       {"/", BinaryOp::Div, 10},        {"%", BinaryOp::Mod, 10},
};

constexpr const char* assignment_ops[] = {"+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "|=", "^="};
constexpr BinaryOp assignment_binary[] = {BinaryOp::Add, BinaryOp::Sub, BinaryOp::Mul, BinaryOp::Div,
                                          BinaryOp::Mod, BinaryOp::Shl, BinaryOp::Shr, BinaryOp::BitAnd,
                                          BinaryOp::BitOr, BinaryOp::BitXor};

// A parsed declarator: `*p`, `a[3][4]`, with the type built around the base type.
struct Declarator {
    std::string name;
    TypeId type = 0;
    int line = 0;
    int column = 0;
    bool open_array = false;  // `a[]`: size from the initializer
};

// Where an array declarator may have a size known only at run time: a local of a block
// (a variable-length array), or the outermost size of a parameter (it becomes a pointer).
enum class VlaContext : std::uint8_t { None, Local, Parameter };

// The storage class and `typedef` of the last declaration's specifiers.
struct Storage {
    bool is_static = false;
    bool is_extern = false;
    bool is_typedef = false;
};

class Parser {
public:
    Parser(std::vector<Token> tokens, DataModel model) : toks_(std::move(tokens)) {
        prog_.types = TypeTable(model);
        define_standard_typedefs();
    }

    Result<Program> run() {
        while (!gave_up_ && peek().kind != TokenKind::End) {
            const std::size_t start = pos_;
            parse_top_level();
            if (failed()) recover(start, Resume::TopLevel);
        }
        if (failed() && !gave_up_) errors_.push_back(*error_);
        if (!errors_.empty()) return tl::unexpected(joined_errors(std::move(errors_)));
        return std::move(prog_);
    }

private:
    std::vector<Token> toks_;
    std::size_t pos_ = 0;
    Program prog_;
    std::optional<Error> error_;    // the error being unwound to the next place to resume
    std::vector<Error> errors_{};   // the errors listed so far
    std::size_t error_pos_ = 0;     // the token where error_ was found
    bool gave_up_ = false;          // max_compile_errors listed (or the end reached): stop
    int depth_ = 0;
    std::int32_t function_ = -1;  // the function being parsed
    Storage storage_{};           // of the last parse_base_type
    VlaContext vla_context_ = VlaContext::None;  // of the declarator being parsed
    std::map<std::string, TypeId> typedefs_{};
    std::map<std::string, std::int64_t> enum_constants_{};
    std::map<std::string, TypeId> enum_tags_{};
    std::vector<std::vector<std::int32_t>> switch_labels_{};  // per open switch: its case labels
    std::map<std::string, Token> labels_{};        // the function's `name:` labels, where each is
    std::vector<Token> gotos_{};                   // the function's `goto name;`, checked at its end

    bool is_typedef_name(std::size_t ahead = 0) const {
        return peek(ahead).kind == TokenKind::Identifier && typedefs_.contains(peek(ahead).text);
    }

    // ---- tokens and errors ----
    const Token& peek(std::size_t ahead = 0) const {
        return toks_[std::min(pos_ + ahead, toks_.size() - 1)];
    }
    const Token& next() {
        const Token& t = peek();
        if (pos_ < toks_.size() - 1) ++pos_;
        return t;
    }
    bool is(const char* punct, std::size_t ahead = 0) const {
        return peek(ahead).kind == TokenKind::Punct && peek(ahead).text == punct;
    }
    bool is_keyword(const char* word, std::size_t ahead = 0) const {
        return peek(ahead).kind == TokenKind::Keyword && peek(ahead).text == word;
    }
    bool accept(const char* punct) {
        if (!is(punct)) return false;
        next();
        return true;
    }
    bool failed() const { return error_.has_value(); }

    // Where parsing resumes after an error: after the statement that failed (inside a
    // block), or after the declaration or function that failed (at the top level).
    enum class Resume { Statement, TopLevel };
    // Lists the error being unwound and skips from `start`, where the failed part began,
    // past its end; returns false (with the error still set, so that every caller unwinds)
    // once max_compile_errors are listed or the program has ended.
    bool recover(std::size_t start, Resume where);
    void error_at(const Token& t, const std::string& message) {
        if (error_) return;
        error_ = Error{t.line, t.column, message};
        // Where recovery skips from: the token's own place when it is one of ours (the
        // parser may have moved past it before noticing).
        const bool ours = !toks_.empty() && &t >= toks_.data() && &t < toks_.data() + toks_.size();
        error_pos_ = ours ? static_cast<std::size_t>(&t - toks_.data()) : pos_;
    }
    bool expect(const char* punct, const std::string& where) {
        if (accept(punct)) return true;
        error_at(peek(), std::string("expected '") + punct + "' " + where + ", found " + peek().describe());
        return false;
    }
    // Refuses an unsupported C keyword at the current token; returns true when it did.
    bool refuse_unsupported() {
        if (peek().kind != TokenKind::Keyword) return false;
        if (const char* message = unsupported_message(peek().text)) {
            error_at(peek(), message);
            return true;
        }
        return false;
    }

    // Guards recursion depth: the parser's own stack stays bounded.
    struct DepthGuard {
        Parser& p;
        explicit DepthGuard(Parser& parser, const Token& at) : p(parser) {
            if (++p.depth_ > max_nesting) {
                p.error_at(at, "the program is nested too deeply (more than " + std::to_string(max_nesting) +
                                   " levels of expressions or statements)");
            }
        }
        ~DepthGuard() { --p.depth_; }
    };

    std::int32_t add_expr(Expr e) {
        prog_.exprs.push_back(std::move(e));
        return static_cast<std::int32_t>(prog_.exprs.size() - 1);
    }
    std::int32_t add_stmt(Stmt s) {
        prog_.stmts.push_back(std::move(s));
        return static_cast<std::int32_t>(prog_.stmts.size() - 1);
    }

    // ---- types ----
    bool starts_type(std::size_t ahead = 0) const;

    TypeId parse_base_type();

    // <stdint.h>, <stddef.h> and <sys/types.h> names: int8_t .. uint64_t, size_t, ...
    void define_standard_typedefs();

    // `typedef base a, *b;` after the base type: each declarator names a type.
    void parse_typedefs(TypeId base);

    // `enum tag { A, B = 5 }` or `enum tag`; the 'enum' keyword is the current token.
    TypeId parse_enum();

    // `struct tag` or `struct tag { fields }` (or a union); the keyword is the current token.
    TypeId parse_struct();

    void parse_pointers(TypeId& type);
    // `abstract`: the name may be left out (parameters, type names); `nested`: inside
    // the parentheses of another declarator.
    Declarator parse_declarator(TypeId base, const char* what, bool abstract = false, bool nested = false);
    TypeId parse_function_suffix(TypeId returns);
    Declarator parse_parameter(TypeId base);

    // `[3][4]` after a name or in a type name; the first size may be empty (`a[]`).
    void parse_array_suffix(Declarator& d);

    // A type name in a cast or sizeof: base type, stars, array sizes.
    TypeId parse_type_name();

    std::optional<std::int64_t> fold_constant(std::int32_t index) const;

    // ---- top level ----
    void parse_top_level();

    // The initializer part of a variable declaration: `= expr` or `= {a, b}`.
    VarDecl parse_variable(const Declarator& d);

    // After a '{': one expression per scalar of `type`, in order, into `out`. Inner braces
    // start the element or field at their position and are padded with zeros to its end;
    // a string fills a char array element. `pad` pads this list too.
    // Designators (`.x =`, `[3] =`, `.pos.y =`) move the position, as in C99.
    void parse_braced(TypeId type, std::vector<std::int32_t>& out, bool pad);
    void place(std::vector<std::int32_t>& out, std::size_t start, std::uint64_t index, std::int32_t value, const Token& at);
    std::optional<std::pair<std::uint64_t, TypeId>> parse_designator(TypeId type);
    // `(type){...}` after its ')': a hidden local of the function, initialised where it stands.
    std::int32_t parse_compound_literal(const Token& open, TypeId type);

    // The element or field of `type` that starts at scalar `index` (the innermost when
    // several start there and the outermost is not wanted); 0 (void) when none does.
    TypeId aggregate_at(TypeId type, std::uint64_t index) const;

    std::int32_t zero_expr(const Token& at);

    void parse_function(const Declarator& d);

    // ---- statements ----
    Stmt stmt_at(StmtKind kind, const Token& t) const { return Stmt{.kind = kind, .line = t.line, .column = t.column}; }

    std::int32_t parse_block();

    std::int32_t parse_statement();

    // `int a = 1, *p;` inside a function: one Decl per declarator (a Group when several).
    std::int32_t parse_declaration();

    std::int32_t parse_condition(const std::string& keyword);

    std::int32_t parse_if();

    std::int32_t parse_while();

    std::int32_t parse_do();

    std::int32_t parse_for();

    std::int32_t parse_switch();

    // `case value:` or `default:` inside a switch.
    std::int32_t parse_label();

    // ---- expressions ----
    Expr expr_at(ExprKind kind, const Token& t) const { return Expr{.kind = kind, .line = t.line, .column = t.column}; }

    // expr = assignment { "," assignment }
    std::int32_t parse_expr();

    std::int32_t parse_assignment();

    std::int32_t parse_conditional();

    const BinaryLevel* binary_level() const;

    // A chain `a + b + c ...` nests to the left: each link counts as a level until the
    // chain ends, so that the checker and compiler, which walk the tree recursively, stay
    // within max_nesting levels.
    struct ChainDepth {
        Parser& p;
        int links = 0;
        ~ChainDepth() { p.depth_ -= links; }
        bool add(const Token& at) {
            ++links;
            if (++p.depth_ <= max_nesting) return true;
            p.error_at(at, "the expression is nested too deeply (more than " + std::to_string(max_nesting) +
                               " levels); split it into several statements");
            return false;
        }
    };

    std::int32_t parse_binary(int min_precedence);

    std::int32_t unary(ExprKind kind, const Token& t);

    std::int32_t parse_unary();

    // Postfix operators after a primary expression, or after `first` when given.
    std::int32_t parse_postfix(std::int32_t first = -1);

    TypeId number_type(const Token& t);

    std::int32_t parse_primary();
};

}  // namespace memsim::minic::parsing
