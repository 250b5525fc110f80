#include "memsim/minic/parser.hpp"

#include <optional>

#include "memsim/minic/lexer.hpp"

namespace memsim::minic {
namespace {

struct Unsupported {
    const char* word;
    const char* message;
};

// C words outside MiniC, each refused with a reason and, where there is one, the way round.
constexpr Unsupported unsupported_words[] = {
    {"float", "floating-point types are not supported in MiniC; use int or long"},
    {"double", "floating-point types are not supported in MiniC; use int or long"},
    {"_Complex", "complex numbers are not supported in MiniC"},
    {"union", "unions are not supported in MiniC; use a struct"},
    {"enum", "enums are not supported in MiniC; use int constants"},
    {"typedef", "typedef is not supported in MiniC; write the type out, for example 'struct node *'"},
    {"static", "'static' is not supported in MiniC; use a global variable"},
    {"extern", "'extern' is not supported in MiniC: a program is one file"},
    {"register", "'register' is not supported in MiniC: every variable lives in memory"},
    {"auto", "'auto' is not supported in MiniC"},
    {"inline", "'inline' is not supported in MiniC"},
    {"volatile", "'volatile' is not supported in MiniC"},
    {"restrict", "'restrict' is not supported in MiniC"},
    {"_Bool", "bool is not supported in MiniC; use int"},
    {"bool", "bool is not supported in MiniC; use int"},
    {"switch", "switch statements are not supported in MiniC; use if / else if"},
    {"case", "switch statements are not supported in MiniC; use if / else if"},
    {"default", "switch statements are not supported in MiniC; use if / else if"},
    {"goto", "goto is not supported in MiniC; use loops with break and continue"},
    {"asm", "inline assembly is not supported in MiniC"},
};

const char* unsupported_message(const std::string& word) {
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

class Parser {
public:
    Parser(std::vector<Token> tokens, DataModel model) : toks_(std::move(tokens)) { prog_.types = TypeTable(model); }

    Result<Program> run() {
        while (!failed() && peek().kind != TokenKind::End) parse_top_level();
        if (failed()) return tl::unexpected(*error_);
        return std::move(prog_);
    }

private:
    std::vector<Token> toks_;
    std::size_t pos_ = 0;
    Program prog_;
    std::optional<Error> error_;
    int depth_ = 0;
    std::int32_t function_ = -1;  // the function being parsed

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
    void error_at(const Token& t, const std::string& message) {
        if (!error_) error_ = Error{t.line, t.column, message};
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
    bool starts_type(std::size_t ahead = 0) const {
        const Token& t = peek(ahead);
        if (t.kind != TokenKind::Keyword) return false;
        static constexpr const char* words[] = {"int", "char", "long", "short", "unsigned", "signed", "void", "struct", "const"};
        for (const char* w : words) {
            if (t.text == w) return true;
        }
        return unsupported_message(t.text) != nullptr && t.text != "switch" && t.text != "case" &&
               t.text != "default" && t.text != "goto";
    }

    TypeId parse_base_type() {
        const Token& start = peek();
        bool is_unsigned = false, is_signed = false;
        int longs = 0;
        std::optional<TypeKind> kind;
        std::optional<TypeId> named;
        while (!failed() && peek().kind == TokenKind::Keyword) {
            const std::string& w = peek().text;
            if (refuse_unsupported()) return 0;
            if (w == "const") next();
            else if (w == "unsigned") { is_unsigned = true; next(); }
            else if (w == "signed") { is_signed = true; next(); }
            else if (w == "long") { ++longs; next(); }
            else if (w == "int" && !kind) { kind = TypeKind::Int; next(); }
            else if (w == "char" && !kind) { kind = TypeKind::Char; next(); }
            else if (w == "short" && !kind) { kind = TypeKind::Short; next(); }
            else if (w == "void" && !kind) { kind = TypeKind::Void; next(); named = prog_.types.void_type(); }
            else if (w == "struct" && !kind) { kind = TypeKind::Struct; named = parse_struct(); }
            else break;
        }
        if (failed()) return 0;
        if (is_unsigned && is_signed) {
            error_at(start, "a type cannot be both signed and unsigned");
            return 0;
        }
        if (named) {
            if (is_unsigned || is_signed || longs > 0) error_at(start, "'unsigned', 'signed' and 'long' apply to integer types only");
            return *named;
        }
        if (longs > 2 || (longs > 0 && kind && kind != TypeKind::Int)) {
            error_at(start, "this combination of 'long' with another type is not a C type");
            return 0;
        }
        TypeKind k = kind.value_or(TypeKind::Int);
        if (longs == 1) k = TypeKind::Long;
        if (longs == 2) k = TypeKind::LongLong;
        if (!kind && longs == 0 && !is_unsigned && !is_signed) {
            error_at(start, "expected a type, found " + start.describe());
            return 0;
        }
        return prog_.types.integer(k, is_unsigned);
    }

    // `struct tag` or `struct tag { fields }`; the 'struct' keyword is the current token.
    TypeId parse_struct() {
        next();
        if (peek().kind != TokenKind::Identifier) {
            error_at(peek(), "expected a struct name after 'struct', found " + peek().describe() +
                                 " (MiniC structs need a name)");
            return 0;
        }
        const Token& tag = next();
        const TypeId type = prog_.types.declare_struct(tag.text);
        if (!accept("{")) return type;
        if (prog_.types.is_complete(type)) {
            error_at(tag, "struct " + tag.text + " is defined twice");
            return 0;
        }
        std::vector<Field> fields;
        while (!failed() && !is("}")) {
            const TypeId base = parse_base_type();
            do {
                if (failed()) return 0;
                const Declarator d = parse_declarator(base, "a field name");
                if (failed()) return 0;
                if (!prog_.types.is_complete(d.type) || d.open_array) {
                    error_at(peek(), "field '" + d.name + "' has an incomplete type " + prog_.types.name(d.type) +
                                         (d.type == type ? " (a struct cannot contain itself; use a pointer)" : ""));
                    return 0;
                }
                for (const Field& f : fields) {
                    if (f.name == d.name) error_at(tag, "struct " + tag.text + " has two fields named '" + d.name + "'");
                }
                fields.push_back(Field{.name = d.name, .type = d.type});
            } while (accept(","));
            expect(";", "after the field declaration");
        }
        if (!expect("}", "to close the struct")) return 0;
        if (fields.empty()) {
            error_at(tag, "struct " + tag.text + " has no fields");
            return 0;
        }
        prog_.types.complete_struct(type, fields);
        return type;
    }

    Declarator parse_declarator(TypeId base, const char* what) {
        Declarator d;
        d.type = base;
        while (accept("*")) {
            while (is_keyword("const")) next();
            d.type = prog_.types.pointer_to(d.type);
        }
        if (is("(")) {
            error_at(peek(), "function pointers are not supported in MiniC");
            return d;
        }
        if (peek().kind != TokenKind::Identifier) {
            if (!refuse_unsupported()) error_at(peek(), std::string("expected ") + what + ", found " + peek().describe());
            return d;
        }
        const Token& name = next();
        d.name = name.text;
        d.line = name.line;
        d.column = name.column;
        parse_array_suffix(d);
        return d;
    }

    // `[3][4]` after a name or in a type name; the first size may be empty (`a[]`).
    void parse_array_suffix(Declarator& d) {
        std::vector<std::uint64_t> dims;
        while (!failed() && is("[")) {
            const Token& open = next();
            if (is("]") && dims.empty()) {
                next();
                d.open_array = true;
                dims.push_back(0);
                continue;
            }
            const std::int32_t size = parse_conditional();
            if (failed()) return;
            const auto value = fold_constant(size);
            if (!value) {
                error_at(open, "the array size must be a constant integer (MiniC has no variable-length arrays)");
                return;
            }
            if (*value <= 0) {
                error_at(open, "the array size must be positive, not " + std::to_string(*value));
                return;
            }
            dims.push_back(static_cast<std::uint64_t>(*value));
            expect("]", "after the array size");
        }
        for (std::size_t i = dims.size(); i-- > 0;) {
            if (!prog_.types.is_complete(d.type)) {
                error_at(peek(), "an array of " + prog_.types.name(d.type) + " is not possible: the element type is incomplete");
                return;
            }
            d.type = prog_.types.array_of(d.type, dims[i]);
        }
    }

    // A type name in a cast or sizeof: base type, stars, array sizes.
    TypeId parse_type_name() {
        Declarator d;
        d.type = parse_base_type();
        while (!failed() && accept("*")) d.type = prog_.types.pointer_to(d.type);
        if (!failed() && is("(")) error_at(peek(), "function pointers are not supported in MiniC");
        parse_array_suffix(d);
        return d.type;
    }

    std::optional<std::int64_t> fold_constant(std::int32_t index) const {
        const Expr& e = prog_.exprs[static_cast<std::size_t>(index)];
        switch (e.kind) {
            case ExprKind::Number: return static_cast<std::int64_t>(e.value);
            case ExprKind::SizeofType: return static_cast<std::int64_t>(prog_.types.size_of(e.operand_type));
            case ExprKind::Negate: {
                auto v = fold_constant(e.a);
                return v ? std::optional<std::int64_t>(-*v) : std::nullopt;
            }
            case ExprKind::Plus: return fold_constant(e.a);
            case ExprKind::Binary: {
                auto x = fold_constant(e.a), y = fold_constant(e.b);
                if (!x || !y) return std::nullopt;
                switch (e.op) {
                    case BinaryOp::Add: return *x + *y;
                    case BinaryOp::Sub: return *x - *y;
                    case BinaryOp::Mul: return *x * *y;
                    case BinaryOp::Div: return *y == 0 ? std::nullopt : std::optional<std::int64_t>(*x / *y);
                    default: return std::nullopt;
                }
            }
            default: return std::nullopt;
        }
    }

    // ---- top level ----
    void parse_top_level() {
        if (refuse_unsupported()) return;
        if (!starts_type()) {
            error_at(peek(), "expected a declaration or a function (starting with a type such as 'int'), found " +
                                 peek().describe());
            return;
        }
        const TypeId base = parse_base_type();
        if (failed() || accept(";")) return;
        Declarator d = parse_declarator(base, "a name");
        if (failed()) return;
        if (is("(")) {
            parse_function(d);
            return;
        }
        for (;;) {
            VarDecl v = parse_variable(d);
            if (failed()) return;
            for (const VarDecl& g : prog_.globals) {
                if (g.name == v.name) {
                    error_at(toks_[pos_ - 1], "the global '" + v.name + "' is defined twice (first at " +
                                                  std::to_string(g.line) + ":" + std::to_string(g.column) + ")");
                    return;
                }
            }
            prog_.globals.push_back(std::move(v));
            if (!accept(",")) break;
            d = parse_declarator(base, "a name");
            if (failed()) return;
        }
        expect(";", "after the declaration");
    }

    // The initializer part of a variable declaration: `= expr` or `= {a, b}`.
    VarDecl parse_variable(const Declarator& d) {
        VarDecl v{.name = d.name, .type = d.type, .line = d.line, .column = d.column};
        if (prog_.types.is_void(d.type)) {
            error_at(peek(), "variable '" + d.name + "' cannot have type void");
            return v;
        }
        if (accept("=")) {
            if (accept("{")) {
                v.has_init_list = true;
                while (!failed() && !is("}")) {
                    if (is("{")) {
                        error_at(peek(), "nested initializer lists are not supported in MiniC; initialise rows with loops");
                        return v;
                    }
                    v.init_list.push_back(parse_assignment());
                    if (!accept(",")) break;
                }
                expect("}", "to close the initializer list");
            } else {
                v.init = parse_assignment();
            }
        }
        if (failed()) return v;
        if (d.open_array) {
            std::uint64_t count = v.init_list.size();
            if (v.init >= 0 && prog_.exprs[static_cast<std::size_t>(v.init)].kind == ExprKind::String) {
                count = prog_.strings[static_cast<std::size_t>(prog_.exprs[static_cast<std::size_t>(v.init)].value)].size() + 1;
            }
            if (count == 0) {
                error_at(peek(), "array '" + d.name + "' needs a size or an initializer");
                return v;
            }
            v.type = prog_.types.array_of(prog_.types.element(d.type), count);
        }
        if (!prog_.types.is_complete(v.type)) {
            error_at(peek(), "variable '" + d.name + "' has an incomplete type " + prog_.types.name(v.type));
        }
        return v;
    }

    void parse_function(const Declarator& d) {
        Function f{.name = d.name, .return_type = d.type, .line = d.line, .column = d.column};
        if (prog_.types.is_array(d.type)) error_at(peek(), "a function cannot return an array");
        if (prog_.types.is_struct(d.type)) {
            error_at(peek(), "returning a struct by value is not supported in MiniC; return a pointer");
        }
        next();  // (
        if (is_keyword("void") && is(")", 1)) next();
        while (!failed() && !is(")")) {
            if (is("...")) {
                error_at(peek(), "functions with variable arguments (...) are not supported in MiniC");
                return;
            }
            const TypeId base = parse_base_type();
            if (failed()) return;
            Declarator p;
            if (is(",") || is(")")) {
                p.type = base;  // a prototype may leave the name out
                p.line = peek().line;
                p.column = peek().column;
            } else {
                p = parse_declarator(base, "a parameter name");
            }
            if (failed()) return;
            if (prog_.types.is_array(p.type)) p.type = prog_.types.pointer_to(prog_.types.element(p.type));
            if (prog_.types.is_struct(p.type)) {
                error_at(peek(), "passing a struct by value is not supported in MiniC; pass a pointer");
                return;
            }
            if (prog_.types.is_void(p.type)) {
                error_at(peek(), "a parameter cannot have type void");
                return;
            }
            for (const VarDecl& other : f.locals) {
                if (!p.name.empty() && other.name == p.name) error_at(peek(), "two parameters are named '" + p.name + "'");
            }
            f.locals.push_back(VarDecl{.name = p.name, .type = p.type, .line = p.line, .column = p.column});
            if (!accept(",")) break;
        }
        if (!expect(")", "to close the parameter list")) return;
        f.param_count = f.locals.size();
        std::int32_t index = prog_.find_function(f.name);
        if (index >= 0) {
            const Function& before = prog_.functions[static_cast<std::size_t>(index)];
            if (before.param_count != f.param_count || before.return_type != f.return_type) {
                error_at(toks_[pos_ - 1], "function '" + f.name + "' does not match its earlier declaration at " +
                                              std::to_string(before.line) + ":" + std::to_string(before.column));
                return;
            }
        }
        if (accept(";")) {
            if (index < 0) prog_.functions.push_back(std::move(f));
            return;
        }
        if (!is("{")) {
            error_at(peek(), "expected '{' to start the body of '" + f.name + "' or ';', found " + peek().describe());
            return;
        }
        if (index >= 0 && prog_.functions[static_cast<std::size_t>(index)].body >= 0) {
            const Function& before = prog_.functions[static_cast<std::size_t>(index)];
            error_at(toks_[pos_ - 1], "function '" + f.name + "' is defined twice (first at " +
                                          std::to_string(before.line) + ":" + std::to_string(before.column) + ")");
            return;
        }
        for (const VarDecl& p : f.locals) {
            if (p.name.empty()) error_at(peek(), "a parameter of '" + f.name + "' needs a name");
        }
        if (index >= 0) {
            prog_.functions[static_cast<std::size_t>(index)] = std::move(f);
        } else {
            prog_.functions.push_back(std::move(f));
            index = static_cast<std::int32_t>(prog_.functions.size() - 1);
        }
        function_ = index;
        const std::int32_t body = parse_block();
        prog_.functions[static_cast<std::size_t>(index)].body = body;
        function_ = -1;
    }

    // ---- statements ----
    Stmt stmt_at(StmtKind kind, const Token& t) const { return Stmt{.kind = kind, .line = t.line, .column = t.column}; }

    std::int32_t parse_block() {
        const Token& open = peek();
        if (!expect("{", "to start a block")) return -1;
        Stmt block = stmt_at(StmtKind::Block, open);
        while (!failed() && !is("}")) {
            if (peek().kind == TokenKind::End) {
                error_at(peek(), "expected '}' to close the block opened at " + std::to_string(open.line) + ":" +
                                     std::to_string(open.column) + ", found the end of the program");
                return -1;
            }
            block.children.push_back(parse_statement());
        }
        next();
        return add_stmt(std::move(block));
    }

    std::int32_t parse_statement() {
        const Token& t = peek();
        DepthGuard guard(*this, t);
        if (failed()) return -1;
        if (is("{")) return parse_block();
        if (starts_type()) {
            const std::int32_t decl = parse_declaration();
            expect(";", "after the declaration");
            return decl;
        }
        if (refuse_unsupported()) return -1;
        if (t.kind == TokenKind::Keyword) {
            const std::string& w = t.text;
            if (w == "if") return parse_if();
            if (w == "while") return parse_while();
            if (w == "do") return parse_do();
            if (w == "for") return parse_for();
            if (w == "break" || w == "continue") {
                next();
                expect(";", "after '" + w + "'");
                return add_stmt(stmt_at(w == "break" ? StmtKind::Break : StmtKind::Continue, t));
            }
            if (w == "return") {
                next();
                Stmt s = stmt_at(StmtKind::Return, t);
                if (!is(";")) s.expr = parse_expr();
                expect(";", "after the return value");
                return add_stmt(std::move(s));
            }
        }
        if (accept(";")) return add_stmt(stmt_at(StmtKind::Empty, t));
        if (peek().kind == TokenKind::Identifier && is(":", 1)) {
            error_at(t, "labels and goto are not supported in MiniC");
            return -1;
        }
        Stmt s = stmt_at(StmtKind::Expr, t);
        s.expr = parse_expr();
        expect(";", "after the expression");
        return add_stmt(std::move(s));
    }

    // `int a = 1, *p;` inside a function: one Decl per declarator (a Group when several).
    std::int32_t parse_declaration() {
        const Token& start = peek();
        const TypeId base = parse_base_type();
        if (failed()) return -1;
        Stmt group = stmt_at(StmtKind::Group, start);
        if (is(";")) return add_stmt(stmt_at(StmtKind::Empty, start));  // a struct definition alone
        do {
            const Declarator d = parse_declarator(base, "a variable name");
            if (failed()) return -1;
            if (is("(")) {
                error_at(peek(), "functions cannot be declared inside a function in MiniC");
                return -1;
            }
            VarDecl v = parse_variable(d);
            if (failed()) return -1;
            Function& f = prog_.functions[static_cast<std::size_t>(function_)];
            Stmt decl = Stmt{.kind = StmtKind::Decl, .line = d.line, .column = d.column};
            decl.var = static_cast<std::int32_t>(f.locals.size());
            f.locals.push_back(std::move(v));
            group.children.push_back(add_stmt(std::move(decl)));
        } while (accept(","));
        if (group.children.size() == 1) return group.children.front();
        return add_stmt(std::move(group));
    }

    std::int32_t parse_condition(const std::string& keyword) {
        if (!expect("(", "after '" + keyword + "'")) return -1;
        const std::int32_t cond = parse_expr();
        expect(")", "after the condition of '" + keyword + "'");
        return cond;
    }

    std::int32_t parse_if() {
        Stmt s = stmt_at(StmtKind::If, next());
        s.expr = parse_condition("if");
        s.body = parse_statement();
        if (!failed() && is_keyword("else")) {
            next();
            s.else_body = parse_statement();
        }
        return add_stmt(std::move(s));
    }

    std::int32_t parse_while() {
        Stmt s = stmt_at(StmtKind::While, next());
        s.expr = parse_condition("while");
        s.body = parse_statement();
        return add_stmt(std::move(s));
    }

    std::int32_t parse_do() {
        Stmt s = stmt_at(StmtKind::DoWhile, next());
        s.body = parse_statement();
        if (failed()) return -1;
        if (!is_keyword("while")) {
            error_at(peek(), "expected 'while' after the body of 'do', found " + peek().describe());
            return -1;
        }
        next();
        s.expr = parse_condition("while");
        expect(";", "after 'do ... while (...)'");
        return add_stmt(std::move(s));
    }

    std::int32_t parse_for() {
        const Token& t = next();
        Stmt s = stmt_at(StmtKind::For, t);
        if (!expect("(", "after 'for'")) return -1;
        if (starts_type()) {
            s.init = parse_declaration();
        } else if (!is(";")) {
            Stmt init = stmt_at(StmtKind::Expr, peek());
            init.expr = parse_expr();
            s.init = add_stmt(std::move(init));
        }
        if (!expect(";", "after the start of 'for'")) return -1;
        if (!is(";")) s.expr = parse_expr();
        if (!expect(";", "after the condition of 'for'")) return -1;
        if (!is(")")) s.step = parse_expr();
        if (!failed() && is(",")) {
            error_at(peek(), "the comma operator is not supported in MiniC; update one variable in the step and the other in the body");
            return -1;
        }
        if (!expect(")", "to close 'for (...)'")) return -1;
        s.body = parse_statement();
        return add_stmt(std::move(s));
    }

    // ---- expressions ----
    Expr expr_at(ExprKind kind, const Token& t) const { return Expr{.kind = kind, .line = t.line, .column = t.column}; }

    std::int32_t parse_expr() { return parse_assignment(); }

    std::int32_t parse_assignment() {
        DepthGuard guard(*this, peek());
        if (failed()) return -1;
        const std::int32_t lhs = parse_conditional();
        if (failed()) return -1;
        const Token& op = peek();
        if (op.kind != TokenKind::Punct) return lhs;
        if (op.text == "=") {
            next();
            Expr e = expr_at(ExprKind::Assign, op);
            e.a = lhs;
            e.b = parse_assignment();
            return add_expr(std::move(e));
        }
        for (std::size_t i = 0; i < std::size(assignment_ops); ++i) {
            if (op.text == assignment_ops[i]) {
                next();
                Expr e = expr_at(ExprKind::CompoundAssign, op);
                e.op = assignment_binary[i];
                e.a = lhs;
                e.b = parse_assignment();
                return add_expr(std::move(e));
            }
        }
        return lhs;
    }

    std::int32_t parse_conditional() {
        const std::int32_t cond = parse_binary(1);
        if (failed() || !is("?")) return cond;
        Expr e = expr_at(ExprKind::Conditional, next());
        e.a = cond;
        e.b = parse_expr();
        if (!expect(":", "in the conditional expression 'a ? b : c'")) return -1;
        e.c = parse_conditional();
        return add_expr(std::move(e));
    }

    const BinaryLevel* binary_level() const {
        if (peek().kind != TokenKind::Punct) return nullptr;
        for (const BinaryLevel& level : binary_levels) {
            if (peek().text == level.spelling) return &level;
        }
        return nullptr;
    }

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

    std::int32_t parse_binary(int min_precedence) {
        std::int32_t lhs = parse_unary();
        ChainDepth chain{*this};
        for (;;) {
            if (failed()) return -1;
            const BinaryLevel* level = binary_level();
            if (!level || level->precedence < min_precedence) return lhs;
            if (!chain.add(peek())) return -1;
            Expr e = expr_at(ExprKind::Binary, next());
            e.op = level->op;
            e.a = lhs;
            e.b = parse_binary(level->precedence + 1);
            lhs = add_expr(std::move(e));
        }
    }

    std::int32_t unary(ExprKind kind, const Token& t) {
        Expr e = expr_at(kind, t);
        e.a = parse_unary();
        return add_expr(std::move(e));
    }

    std::int32_t parse_unary() {
        const Token& t = peek();
        DepthGuard guard(*this, t);
        if (failed()) return -1;
        if (t.kind == TokenKind::Punct) {
            static constexpr struct { const char* spelling; ExprKind kind; } prefixes[] = {
                {"-", ExprKind::Negate}, {"+", ExprKind::Plus},      {"!", ExprKind::Not},
                {"~", ExprKind::BitNot}, {"*", ExprKind::Deref},     {"&", ExprKind::AddressOf},
                {"++", ExprKind::PreInc}, {"--", ExprKind::PreDec},
            };
            for (const auto& p : prefixes) {
                if (t.text == p.spelling) {
                    next();
                    return unary(p.kind, t);
                }
            }
            if (t.text == "(" && starts_type(1)) {
                next();
                Expr e = expr_at(ExprKind::Cast, t);
                e.operand_type = parse_type_name();
                if (!expect(")", "after the type in the cast")) return -1;
                e.a = parse_unary();
                return add_expr(std::move(e));
            }
        }
        if (t.kind == TokenKind::Keyword && t.text == "sizeof") {
            next();
            if (is("(") && starts_type(1)) {
                next();
                Expr e = expr_at(ExprKind::SizeofType, t);
                e.operand_type = parse_type_name();
                expect(")", "after the type in sizeof");
                return add_expr(std::move(e));
            }
            return unary(ExprKind::SizeofExpr, t);
        }
        return parse_postfix();
    }

    std::int32_t parse_postfix() {
        std::int32_t e = parse_primary();
        ChainDepth chain{*this};
        for (;;) {
            if (failed() || !chain.add(peek())) return -1;
            const Token& t = peek();
            if (accept("[")) {
                Expr index = expr_at(ExprKind::Index, t);
                index.a = e;
                index.b = parse_expr();
                expect("]", "after the index");
                e = add_expr(std::move(index));
            } else if (is("(")) {
                const Expr& callee = prog_.exprs[static_cast<std::size_t>(e)];
                if (callee.kind != ExprKind::Name) {
                    error_at(t, "only named functions can be called; function pointers are not supported in MiniC");
                    return -1;
                }
                next();
                Expr call = expr_at(ExprKind::Call, t);
                call.line = callee.line;
                call.column = callee.column;
                call.name = callee.name;
                while (!failed() && !is(")")) {
                    call.args.push_back(parse_assignment());
                    if (!accept(",")) break;
                }
                if (!expect(")", "to close the arguments of '" + call.name + "'")) return -1;
                e = add_expr(std::move(call));
            } else if (is(".") || is("->")) {
                const bool arrow = is("->");
                next();
                if (peek().kind != TokenKind::Identifier) {
                    error_at(peek(), std::string("expected a field name after '") + (arrow ? "->" : ".") + "', found " +
                                         peek().describe());
                    return -1;
                }
                Expr member = expr_at(arrow ? ExprKind::Arrow : ExprKind::Member, t);
                member.a = e;
                member.name = next().text;
                e = add_expr(std::move(member));
            } else if (is("++") || is("--")) {
                Expr post = expr_at(is("++") ? ExprKind::PostInc : ExprKind::PostDec, t);
                next();
                post.a = e;
                e = add_expr(std::move(post));
            } else {
                return e;
            }
        }
    }

    TypeId number_type(const Token& t) {
        TypeTable& types = prog_.types;
        const std::uint64_t v = t.value;
        const bool long_is_64 = types.size_of(types.long_type()) == 8;
        const TypeKind wide = long_is_64 ? TypeKind::Long : TypeKind::LongLong;
        if (t.kind == TokenKind::Char) return types.int_type();
        if (t.is_unsigned) {
            if (!t.is_long && v <= 0xFFFFFFFFull) return types.unsigned_int_type();
            return types.integer(v <= 0xFFFFFFFFull ? TypeKind::Long : wide, true);
        }
        const bool hex_like = t.text.size() > 1 && t.text[0] == '0';
        if (!t.is_long && v <= 0x7FFFFFFFull) return types.int_type();
        if (!t.is_long && hex_like && v <= 0xFFFFFFFFull) return types.unsigned_int_type();
        if (v <= 0x7FFFFFFFull) return types.long_type();
        if (v <= 0x7FFFFFFFFFFFFFFFull) return types.integer(wide, false);
        return types.integer(wide, true);
    }

    std::int32_t parse_primary() {
        const Token& t = peek();
        if (t.kind == TokenKind::Number || t.kind == TokenKind::Char) {
            next();
            Expr e = expr_at(ExprKind::Number, t);
            e.value = t.value;
            e.type = number_type(t);
            return add_expr(std::move(e));
        }
        if (t.kind == TokenKind::String) {
            next();
            std::string bytes = t.text;
            while (peek().kind == TokenKind::String) bytes += next().text;  // "a" "b" joins
            Expr e = expr_at(ExprKind::String, t);
            e.value = prog_.strings.size();
            prog_.strings.push_back(std::move(bytes));
            return add_expr(std::move(e));
        }
        if (t.kind == TokenKind::Identifier) {
            next();
            Expr e = expr_at(ExprKind::Name, t);
            e.name = t.text;
            return add_expr(std::move(e));
        }
        if (accept("(")) {
            const std::int32_t inner = parse_expr();
            expect(")", "to close the parenthesis");
            return inner;
        }
        if (!refuse_unsupported()) error_at(t, "expected an expression, found " + t.describe());
        return -1;
    }
};

}  // namespace

const char* binary_op_spelling(BinaryOp op) {
    switch (op) {
        case BinaryOp::Add: return "+";
        case BinaryOp::Sub: return "-";
        case BinaryOp::Mul: return "*";
        case BinaryOp::Div: return "/";
        case BinaryOp::Mod: return "%";
        case BinaryOp::Shl: return "<<";
        case BinaryOp::Shr: return ">>";
        case BinaryOp::BitAnd: return "&";
        case BinaryOp::BitOr: return "|";
        case BinaryOp::BitXor: return "^";
        case BinaryOp::Lt: return "<";
        case BinaryOp::Gt: return ">";
        case BinaryOp::Le: return "<=";
        case BinaryOp::Ge: return ">=";
        case BinaryOp::Eq: return "==";
        case BinaryOp::Ne: return "!=";
        case BinaryOp::LogicalAnd: return "&&";
        case BinaryOp::LogicalOr: return "||";
    }
    return "?";
}

std::int32_t Program::find_function(const std::string& function_name) const {
    for (std::size_t i = 0; i < functions.size(); ++i) {
        if (functions[i].name == function_name) return static_cast<std::int32_t>(i);
    }
    return -1;
}

Result<Program> parse(std::string_view source, DataModel model) {
    auto tokens = lex(source);
    if (!tokens) return tl::unexpected(tokens.error());
    return Parser(std::move(*tokens), model).run();
}

}  // namespace memsim::minic
