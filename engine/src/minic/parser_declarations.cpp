#include "parser_impl.hpp"
#include <algorithm>

namespace memsim::minic::parsing {

// ---- types ----
bool Parser::starts_type(std::size_t ahead) const {
    const Token& t = peek(ahead);
    if (t.kind != TokenKind::Keyword) return false;
    static constexpr const char* words[] = {"int", "char", "long", "short", "unsigned", "signed", "void", "struct", "const"};
    for (const char* w : words) {
        if (t.text == w) return true;
    }
    return unsupported_message(t.text) != nullptr && t.text != "switch" && t.text != "case" &&
           t.text != "default" && t.text != "goto";
}

TypeId Parser::parse_base_type() {
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
TypeId Parser::parse_struct() {
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

Declarator Parser::parse_declarator(TypeId base, const char* what) {
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
void Parser::parse_array_suffix(Declarator& d) {
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
        // Sizes are computed in 64 bits: refuse an array whose size would wrap round (int
        // a[4611686018427387904] is 2^64 bytes, which wraps to 0) or exceed any address space.
        constexpr std::uint64_t max_object_bytes = 1ull << 48;
        const std::uint64_t element = std::max<std::uint64_t>(prog_.types.size_of(d.type), 1);
        if (dims[i] > max_object_bytes / element) {
            error_at(peek(), "this array would take " + std::to_string(dims[i]) + " x " + std::to_string(element) +
                                 " bytes, more than the 2^48 bytes (256 TiB) of the largest address space");
            return;
        }
        d.type = prog_.types.array_of(d.type, dims[i]);
    }
}

// A type name in a cast or sizeof: base type, stars, array sizes.
TypeId Parser::parse_type_name() {
    Declarator d;
    d.type = parse_base_type();
    while (!failed() && accept("*")) d.type = prog_.types.pointer_to(d.type);
    if (!failed() && is("(")) error_at(peek(), "function pointers are not supported in MiniC");
    parse_array_suffix(d);
    return d.type;
}

std::optional<std::int64_t> Parser::fold_constant(std::int32_t index) const {
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
void Parser::parse_top_level() {
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
VarDecl Parser::parse_variable(const Declarator& d) {
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

void Parser::parse_function(const Declarator& d) {
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
}  // namespace memsim::minic::parsing
