#include "parser_impl.hpp"
#include <algorithm>

namespace memsim::minic::parsing {

// ---- types ----
bool Parser::starts_type(std::size_t ahead) const {
    const Token& t = peek(ahead);
    if (is_typedef_name(ahead)) return true;
    if (t.kind != TokenKind::Keyword) return false;
    static constexpr const char* words[] = {"int", "char", "long", "short", "unsigned", "signed", "void",
                                            "struct", "const", "volatile", "restrict", "static", "extern",
                                            "register", "auto", "inline", "_Bool", "bool", "enum", "typedef",
                                            "float", "double", "union"};
    for (const char* w : words) {
        if (t.text == w) return true;
    }
    return unsupported_message(t.text) != nullptr;
}

void Parser::define_standard_typedefs() {
    TypeTable& t = prog_.types;
    const bool lp64 = t.model() == DataModel::Lp64;
    const TypeId i64 = t.integer(lp64 ? TypeKind::Long : TypeKind::LongLong, false);
    const TypeId u64 = t.integer(lp64 ? TypeKind::Long : TypeKind::LongLong, true);
    const TypeId word = t.integer(lp64 ? TypeKind::Long : TypeKind::Int, false);
    const TypeId uword = t.integer(lp64 ? TypeKind::Long : TypeKind::Int, true);
    const std::pair<const char*, TypeId> names[] = {
        {"int8_t", t.integer(TypeKind::Char, false)}, {"uint8_t", t.integer(TypeKind::Char, true)},
        {"int16_t", t.integer(TypeKind::Short, false)}, {"uint16_t", t.integer(TypeKind::Short, true)},
        {"int32_t", t.int_type()}, {"uint32_t", t.unsigned_int_type()}, {"int64_t", i64}, {"uint64_t", u64},
        {"intmax_t", i64}, {"uintmax_t", u64}, {"intptr_t", word}, {"uintptr_t", uword}, {"size_t", uword},
        {"ssize_t", word}, {"ptrdiff_t", word}, {"pid_t", t.int_type()}};
    for (const auto& [name, type] : names) typedefs_[name] = type;
    typedefs_["FILE"] = t.declare_struct("_IO_FILE");  // opaque, as in <stdio.h>: programs hold FILE *
    // <stdlib.h>: typedef struct { int quot; int rem; } div_t; and the long and long long forms.
    const std::pair<const char*, TypeId> quotients[] = {
        {"div_t", t.int_type()}, {"ldiv_t", t.long_type()}, {"lldiv_t", t.integer(TypeKind::LongLong, false)}};
    for (const auto& [name, field] : quotients) {
        const TypeId s = t.declare_anonymous_struct(false);
        t.name_anonymous_struct(s, name);
        t.complete_struct(s, {Field{.name = "quot", .type = field}, Field{.name = "rem", .type = field}});
        typedefs_[name] = s;
    }
}

TypeId Parser::parse_base_type() {
    const Token& start = peek();
    bool is_unsigned = false, is_signed = false;
    int longs = 0;
    Storage storage;
    std::optional<TypeKind> kind;
    std::optional<TypeId> named;
    while (!failed() && (peek().kind == TokenKind::Keyword || is_typedef_name())) {
        const std::string& w = peek().text;
        if (refuse_unsupported()) return 0;
        if (peek().kind == TokenKind::Identifier) {
            if (kind || named || longs > 0 || is_unsigned || is_signed) break;  // a declarator named like a type
            named = typedefs_.at(w);
            kind = prog_.types.get(*named).kind;
            next();
        }
        else if (w == "const" || w == "volatile" || w == "restrict" || w == "register" || w == "auto" || w == "inline") next();
        else if (w == "static") { storage.is_static = true; next(); }
        else if (w == "extern") { storage.is_extern = true; next(); }
        else if (w == "typedef") { storage.is_typedef = true; next(); }
        else if (w == "unsigned") { is_unsigned = true; next(); }
        else if (w == "signed") { is_signed = true; next(); }
        else if (w == "long") { ++longs; next(); }
        else if (w == "int" && !kind) { kind = TypeKind::Int; next(); }
        else if (w == "char" && !kind) { kind = TypeKind::Char; next(); }
        else if (w == "short" && !kind) { kind = TypeKind::Short; next(); }
        else if (w == "float" && !kind) { kind = TypeKind::Float; next(); named = prog_.types.float_type(); }
        else if (w == "double" && !kind) { kind = TypeKind::Double; next(); named = prog_.types.double_type(); }
        else if ((w == "_Bool" || w == "bool") && !kind) { kind = TypeKind::Bool; next(); named = prog_.types.bool_type(); }
        else if (w == "void" && !kind) { kind = TypeKind::Void; next(); named = prog_.types.void_type(); }
        else if ((w == "struct" || w == "union") && !kind) { kind = TypeKind::Struct; named = parse_struct(); }
        else if (w == "enum" && !kind) { kind = TypeKind::Int; named = parse_enum(); }
        else break;
    }
    storage_ = storage;
    if (failed()) return 0;
    if (is_unsigned && is_signed) {
        error_at(start, "a type cannot be both signed and unsigned");
        return 0;
    }
    if (named && kind == TypeKind::Double && longs == 1 && !is_unsigned && !is_signed) {
        error_at(start, "long double is not supported in MiniC (its 80-bit x87 format differs from double); use double");
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
        error_at(start, "expected a type, found " + peek().describe());
        return 0;
    }
    return prog_.types.integer(k, is_unsigned);
}

void Parser::parse_typedefs(TypeId base) {
    do {
        Declarator d = parse_declarator(base, "a name for the type");
        if (failed()) return;
        if (d.open_array) {
            error_at(peek(), "a typedef of an array needs its size");
            return;
        }
        if (is("(")) {  // typedef int compare(int, int): a function type
            d.type = parse_function_suffix(d.type);
            if (failed()) return;
        }
        if (prog_.types.is_struct(d.type)) prog_.types.name_anonymous_struct(d.type, d.name);
        typedefs_[d.name] = d.type;
    } while (accept(","));
}

TypeId Parser::parse_enum() {
    const Token& keyword = next();
    std::string tag;
    if (peek().kind == TokenKind::Identifier) tag = next().text;
    const TypeId int_type = prog_.types.int_type();
    if (!accept("{")) {
        if (tag.empty()) {
            error_at(peek(), "expected an enum name or '{' after 'enum', found " + peek().describe());
            return 0;
        }
        const auto found = enum_tags_.find(tag);
        if (found == enum_tags_.end()) {
            error_at(keyword, "enum " + tag + " is not defined: list its constants first, 'enum " + tag + " { A, B };'");
            return 0;
        }
        return found->second;
    }
    std::int64_t value = 0;
    bool negative = false;
    while (!failed() && !is("}")) {
        if (peek().kind != TokenKind::Identifier) {
            error_at(peek(), "expected the name of an enum constant, found " + peek().describe());
            return 0;
        }
        const Token& name = next();
        if (accept("=")) {
            const std::int32_t e = parse_conditional();
            if (failed()) return 0;
            const auto v = fold_constant(e);
            if (!v) {
                error_at(name, "the value of the enum constant '" + name.text + "' must be a constant integer");
                return 0;
            }
            value = *v;
        }
        if (enum_constants_.contains(name.text) || typedefs_.contains(name.text)) {
            error_at(name, "'" + name.text + "' is defined twice");
            return 0;
        }
        enum_constants_[name.text] = value;
        negative = negative || value < 0;
        ++value;
        if (!accept(",")) break;
    }
    if (!expect("}", "to close the enum")) return 0;
    // gcc gives an enum without negative constants the type unsigned int.
    const TypeId type = negative ? int_type : prog_.types.unsigned_int_type();
    if (!tag.empty()) enum_tags_[tag] = type;
    return type;
}

// `struct tag` or `struct tag { fields }`; the 'struct' keyword is the current token.
TypeId Parser::parse_struct() {
    const Token& keyword = next();
    if (peek().kind != TokenKind::Identifier && !is("{")) {
        error_at(peek(), "expected a name or '{' after '" + keyword.text + "', found " + peek().describe());
        return 0;
    }
    const bool anonymous = is("{");
    const bool is_union = keyword.text == "union";
    const Token& tag = anonymous ? keyword : next();
    const TypeId type = anonymous ? prog_.types.declare_anonymous_struct(is_union) : prog_.types.declare_struct(tag.text, is_union);
    if (prog_.types.struct_of(type).is_union != is_union) {
        error_at(tag, "'" + tag.text + "' is already the tag of a " + (is_union ? "struct" : "union"));
        return 0;
    }
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

void Parser::parse_pointers(TypeId& type) {
    while (accept("*")) {
        while (is_keyword("const") || is_keyword("volatile") || is_keyword("restrict")) next();
        type = prog_.types.pointer_to(type);
    }
}

// A declarator as C reads it: `*p`, `a[3]`, `(*cmp)(const void *, const void *)`,
// `(*ops[4])(int, int)`. Inside parentheses the inner declarator applies to the type the
// suffixes after them make, so it is parsed after them (the tokens are read twice).
Declarator Parser::parse_declarator(TypeId base, const char* what, bool abstract, bool nested) {
    Declarator d;
    d.type = base;
    parse_pointers(d.type);
    if (is("(") && is("*", 1)) {
        const Token& open = next();
        const std::size_t inner = pos_;
        for (int depth = 1; depth > 0 && !failed();) {
            if (peek().kind == TokenKind::End) {
                error_at(open, "this '(' in the declaration is never closed");
                return d;
            }
            if (is("(")) ++depth;
            if (is(")")) --depth;
            next();
        }
        Declarator outer;
        outer.type = d.type;
        const VlaContext saved = vla_context_;
        vla_context_ = VlaContext::None;  // int (*p)[n]: a pointer to a variable-length array is refused
        if (is("(")) outer.type = parse_function_suffix(outer.type);
        else parse_array_suffix(outer);
        vla_context_ = saved;
        if (failed()) return d;
        const std::size_t after = pos_;
        pos_ = inner;
        Declarator result = parse_declarator(outer.type, what, abstract, true);
        if (failed()) return d;
        if (!is(")")) {
            error_at(peek(), "expected ')' to close the declarator, found " + peek().describe());
            return d;
        }
        pos_ = after;
        return result;
    }
    if (peek().kind != TokenKind::Identifier) {
        if (abstract) {
            d.line = peek().line;
            d.column = peek().column;
            parse_array_suffix(d);
            return d;
        }
        if (!refuse_unsupported()) error_at(peek(), std::string("expected ") + what + ", found " + peek().describe());
        return d;
    }
    const Token& name = next();
    d.name = name.text;
    d.line = name.line;
    d.column = name.column;
    if (nested && is("(")) {
        error_at(peek(), "a function returning a function pointer needs a typedef in MiniC: "
                         "typedef int (*op)(int, int); op choose(char c) { ... }");
        return d;
    }
    parse_array_suffix(d);
    return d;
}

// `(int, char *)` after a declarator: the function type returning `returns`.
TypeId Parser::parse_function_suffix(TypeId returns) {
    Signature sig{.returns = returns};
    const Token& open = peek();
    next();  // (
    if (prog_.types.is_array(returns) || prog_.types.is_function(returns)) {
        error_at(open, "a function cannot return an array or a function");
        return 0;
    }
    if (is_keyword("void") && is(")", 1)) next();
    while (!failed() && !is(")")) {
        if (accept("...")) {
            sig.variadic = true;
            break;
        }
        const TypeId base = parse_base_type();
        if (failed()) return 0;
        const Declarator p = parse_parameter(base);
        if (failed()) return 0;
        sig.params.push_back(p.type);
        if (!accept(",")) break;
    }
    if (!expect(")", "to close the parameter types")) return 0;
    return prog_.types.function_type(sig);
}

// A parameter's declarator, its name optional; arrays and functions become pointers.
Declarator Parser::parse_parameter(TypeId base) {
    const VlaContext saved = vla_context_;
    vla_context_ = VlaContext::Parameter;
    Declarator p = parse_declarator(base, "a parameter name", true);
    vla_context_ = saved;
    if (failed()) return p;
    if (is("(")) p.type = parse_function_suffix(p.type);  // int cmp(int, int): a function pointer
    if (prog_.types.is_array(p.type)) p.type = prog_.types.pointer_to(prog_.types.element(p.type));
    if (prog_.types.is_function(p.type)) p.type = prog_.types.pointer_to(p.type);
    if (prog_.types.is_void(p.type) && !failed()) error_at(peek(), "a parameter cannot have type void");
    return p;
}

// A type name in a cast or sizeof: a base type and an abstract declarator
// (`int *`, `char [4]`, `int (*)(const void *, const void *)`).
TypeId Parser::parse_type_name() {
    const TypeId base = parse_base_type();
    if (failed()) return 0;
    const VlaContext saved = vla_context_;
    vla_context_ = VlaContext::None;  // sizeof(int[n]) and casts to one are refused
    const Declarator d = parse_declarator(base, "a type", true);
    vla_context_ = saved;
    if (!failed() && !d.name.empty()) error_at(peek(), "a type name here has no variable name ('" + d.name + "')");
    return d.type;
}

std::optional<std::int64_t> Parser::fold_constant(std::int32_t index) const {
    const Expr& e = prog_.exprs[static_cast<std::size_t>(index)];
    switch (e.kind) {
        case ExprKind::Number:
            if (prog_.types.is_floating(e.type)) return std::nullopt;  // C wants integer constants here
            return static_cast<std::int64_t>(e.value);
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
                case BinaryOp::Mod: return *y == 0 ? std::nullopt : std::optional<std::int64_t>(*x % *y);
                case BinaryOp::Shl: return *y < 0 || *y > 62 ? std::nullopt : std::optional<std::int64_t>(*x << *y);
                case BinaryOp::Shr: return *y < 0 || *y > 63 ? std::nullopt : std::optional<std::int64_t>(*x >> *y);
                case BinaryOp::BitAnd: return *x & *y;
                case BinaryOp::BitOr: return *x | *y;
                case BinaryOp::BitXor: return *x ^ *y;
                case BinaryOp::Lt: return *x < *y;
                case BinaryOp::Gt: return *x > *y;
                case BinaryOp::Le: return *x <= *y;
                case BinaryOp::Ge: return *x >= *y;
                case BinaryOp::Eq: return *x == *y;
                case BinaryOp::Ne: return *x != *y;
                case BinaryOp::LogicalAnd: return *x && *y;
                case BinaryOp::LogicalOr: return *x || *y;
            }
            return std::nullopt;
        }
        case ExprKind::BitNot: {
            auto v = fold_constant(e.a);
            return v ? std::optional<std::int64_t>(~*v) : std::nullopt;
        }
        case ExprKind::Not: {
            auto v = fold_constant(e.a);
            return v ? std::optional<std::int64_t>(!*v) : std::nullopt;
        }
        case ExprKind::Conditional: {
            auto c = fold_constant(e.a);
            return c ? fold_constant(*c ? e.b : e.c) : std::nullopt;
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
    const Storage storage = storage_;
    if (storage.is_typedef) {
        parse_typedefs(base);
        expect(";", "after the typedef");
        return;
    }
    Declarator d = parse_declarator(base, "a name");
    if (failed()) return;
    if (is("(")) {
        parse_function(d);
        return;
    }
    for (;;) {
        VarDecl v = parse_variable(d);
        if (failed()) return;
        if (storage.is_extern && v.init < 0 && !v.has_init_list) {
            // A declaration of a global defined elsewhere in the program (one file): nothing to place.
            if (!accept(",")) break;
            d = parse_declarator(base, "a name");
            if (failed()) return;
            continue;
        }
        for (const VarDecl& g : prog_.globals) {
            if (g.owner < 0 && g.name == v.name) {
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
    if (is("=") && prog_.types.is_variable_array(d.type)) {
        error_at(peek(), "variable-sized object may not be initialized: the size of '" + d.name +
                             "' is known only when the declaration runs; fill it with a loop");
        return v;
    }
    if (accept("=")) {
        if (accept("{")) {
            v.has_init_list = true;
            parse_braced(d.type, v.init_list, false);
        } else {
            v.init = parse_assignment();
        }
    }
    if (failed()) return v;
    if (d.open_array) {
        const std::uint64_t per_element = std::max<std::uint64_t>(prog_.types.scalar_count(prog_.types.element(d.type)), 1);
        std::uint64_t count = (v.init_list.size() + per_element - 1) / per_element;
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

std::int32_t Parser::zero_expr(const Token& at) {
    Expr e = expr_at(ExprKind::Number, at);
    e.type = prog_.types.int_type();
    return add_expr(std::move(e));
}

TypeId Parser::aggregate_at(TypeId type, std::uint64_t index) const {
    const TypeTable& t = prog_.types;
    if (t.is_array(type)) {
        const TypeId element = t.element(type);
        const std::uint64_t per = t.scalar_count(element);
        const std::uint64_t count = t.get(type).count;
        if (per == 0 || (count != 0 && index / per >= count)) return 0;
        return index % per == 0 ? element : aggregate_at(element, index % per);
    }
    if (t.is_struct(type)) {
        std::uint64_t start = 0;
        for (const Field& f : t.struct_of(type).fields) {
            const std::uint64_t n = t.scalar_count(f.type);
            if (index == start) return f.type;
            if (index < start + n) return aggregate_at(f.type, index - start);
            start += n;
            if (t.struct_of(type).is_union) break;  // only the first member of a union is initialised
        }
        return 0;
    }
    return index == 0 && t.is_scalar(type) ? type : 0;
}

// Puts `value` at scalar `index` of the list that starts at `start`: a designator may go
// back (the later value wins, as in C) or forward (the skipped scalars are zero).
void Parser::place(std::vector<std::int32_t>& out, std::size_t start, std::uint64_t index, std::int32_t value,
                   const Token& at) {
    const std::size_t i = start + static_cast<std::size_t>(index);
    while (out.size() < i) out.push_back(zero_expr(at));
    if (i < out.size()) out[i] = value;
    else out.push_back(value);
}

// `.field`, `[index]` and chains of them (`.pos.x`, `[2].name`) up to the '=': the scalar
// index they name within `type` and the type of what they name.
std::optional<std::pair<std::uint64_t, TypeId>> Parser::parse_designator(TypeId type) {
    const TypeTable& t = prog_.types;
    std::uint64_t index = 0;
    TypeId current = type;
    while (!failed() && (is(".") || is("["))) {
        const Token& at = next();
        if (at.text == "[") {
            if (!t.is_array(current)) {
                error_at(at, "'[...] =' designates an array element, but this is " + t.name(current));
                return std::nullopt;
            }
            const std::int32_t e = parse_conditional();
            if (failed()) return std::nullopt;
            const auto n = fold_constant(e);
            const std::uint64_t count = t.get(current).count;
            if (!n || *n < 0) {
                error_at(at, "an array designator needs a constant index of 0 or more");
                return std::nullopt;
            }
            const std::uint64_t per = t.scalar_count(t.element(current));
            if ((count != 0 && static_cast<std::uint64_t>(*n) >= count) ||
                static_cast<std::uint64_t>(*n) > max_initialized_elements / std::max<std::uint64_t>(per, 1)) {
                error_at(at, "the designated index " + std::to_string(*n) + " is outside the array" +
                                 (count != 0 ? " (it has " + std::to_string(count) + " elements)" : ""));
                return std::nullopt;
            }
            if (!expect("]", "after the designated index")) return std::nullopt;
            index += static_cast<std::uint64_t>(*n) * per;
            current = t.element(current);
            continue;
        }
        if (!t.is_struct(current)) {
            error_at(at, "'.name =' designates a field, but this is " + t.name(current));
            return std::nullopt;
        }
        if (peek().kind != TokenKind::Identifier) {
            error_at(peek(), "expected a field name after '.', found " + peek().describe());
            return std::nullopt;
        }
        const Token& name = next();
        const StructDef& def = t.struct_of(current);
        std::uint64_t before = 0;
        const Field* found = nullptr;
        for (const Field& f : def.fields) {
            if (f.name == name.text) {
                found = &f;
                break;
            }
            before += t.scalar_count(f.type);
        }
        if (found == nullptr) {
            error_at(name, std::string(def.is_union ? "union " : "struct ") + def.name + " has no field '" + name.text + "'");
            return std::nullopt;
        }
        if (def.is_union && found != &def.fields.front()) {
            error_at(name, "MiniC initialises a union through its first member only ('" + def.fields.front().name +
                               "'); assign '" + name.text + "' in a statement");
            return std::nullopt;
        }
        index += before;
        current = found->type;
    }
    if (!expect("=", "after the designator")) return std::nullopt;
    return std::make_pair(index, current);
}

void Parser::parse_braced(TypeId type, std::vector<std::int32_t>& out, bool pad) {
    const std::size_t start = out.size();
    std::uint64_t cursor = 0;  // the next scalar to fill, counted from start
    while (!failed() && !is("}")) {
        if (cursor > max_initialized_elements || out.size() - start > max_initialized_elements) {
            error_at(peek(), "initializer lists fill at most " + std::to_string(max_initialized_elements) +
                                 " elements in MiniC: fill the rest with a loop");
            return;
        }
        TypeId sub = 0;
        if (is(".") || is("[")) {
            const auto designated = parse_designator(type);
            if (!designated) return;
            cursor = designated->first;
            sub = designated->second;
        } else {
            sub = aggregate_at(type, cursor);
        }
        const bool char_array = sub != 0 && prog_.types.is_array(sub) &&
                                prog_.types.get(prog_.types.element(sub)).kind == TypeKind::Char;
        const Token& at = peek();
        if (is("{")) {
            const Token& open = next();
            if (sub == 0) {
                error_at(open, "this '{' has no element or field left to initialise (too many values?)");
                return;
            }
            if (prog_.types.is_scalar(sub)) {
                place(out, start, cursor++, parse_assignment(), at);
                accept(",");
                expect("}", "after the value in braces");
            } else {
                std::vector<std::int32_t> inner;
                parse_braced(sub, inner, true);
                for (const std::int32_t value : inner) place(out, start, cursor++, value, at);
            }
        } else if (char_array && peek().kind == TokenKind::String) {
            const Token& text = next();
            std::string bytes = text.text;
            while (peek().kind == TokenKind::String) bytes += next().text;
            const std::uint64_t size = prog_.types.get(sub).count;
            if (bytes.size() > size) {
                error_at(text, "the string has " + std::to_string(bytes.size()) + " characters, more than the " +
                                   std::to_string(size) + " the array holds");
                return;
            }
            for (std::uint64_t i = 0; i < size; ++i) {
                const std::int32_t c = zero_expr(text);
                prog_.exprs[static_cast<std::size_t>(c)].value =
                    i < bytes.size() ? static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<signed char>(bytes[static_cast<std::size_t>(i)]))) : 0;
                place(out, start, cursor++, c, text);
            }
        } else {
            place(out, start, cursor++, parse_assignment(), at);
        }
        if (!accept(",")) break;
    }
    const Token& close = peek();
    if (!expect("}", "to close the initializer list")) return;
    if (!pad) return;
    const std::uint64_t total = prog_.types.scalar_count(type);
    if (total > max_initialized_elements) {
        error_at(close, "initializer lists fill at most " + std::to_string(max_initialized_elements) + " elements in MiniC");
        return;
    }
    while (out.size() - start < total) out.push_back(zero_expr(close));
}

void Parser::parse_function(const Declarator& d) {
    Function f{.name = d.name, .return_type = d.type, .line = d.line, .column = d.column};
    if (prog_.types.is_array(d.type)) error_at(peek(), "a function cannot return an array");
    next();  // (
    if (is_keyword("void") && is(")", 1)) next();
    while (!failed() && !is(")")) {
        if (is("...")) {
            error_at(peek(), "functions with variable arguments (...) are not supported in MiniC");
            return;
        }
        const TypeId base = parse_base_type();
        if (failed()) return;
        const Declarator p = parse_parameter(base);
        if (failed()) return;
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
    labels_.clear();
    gotos_.clear();
    const std::int32_t body = parse_block();
    for (const Token& jump : gotos_) {
        if (!labels_.contains(jump.text)) {
            error_at(jump, "goto jumps to the label '" + jump.text + "', which '" + prog_.functions[static_cast<std::size_t>(index)].name + "' does not have");
        }
    }
    prog_.functions[static_cast<std::size_t>(index)].body = body;
    function_ = -1;
}
}  // namespace memsim::minic::parsing
