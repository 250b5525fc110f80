#include "parser_impl.hpp"

#include <algorithm>

namespace memsim::minic::parsing {

std::int32_t Parser::parse_expr() {
    std::int32_t lhs = parse_assignment();
    ChainDepth chain{*this};
    while (!failed() && is(",")) {
        if (!chain.add(peek())) return -1;
        Expr e = expr_at(ExprKind::Comma, next());
        e.a = lhs;
        e.b = parse_assignment();
        lhs = add_expr(std::move(e));
    }
    return lhs;
}

std::int32_t Parser::parse_assignment() {
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

std::int32_t Parser::parse_conditional() {
    const std::int32_t cond = parse_binary(1);
    if (failed() || !is("?")) return cond;
    Expr e = expr_at(ExprKind::Conditional, next());
    e.a = cond;
    e.b = parse_expr();
    if (!expect(":", "in the conditional expression 'a ? b : c'")) return -1;
    e.c = parse_conditional();
    return add_expr(std::move(e));
}

const BinaryLevel* Parser::binary_level() const {
    if (peek().kind != TokenKind::Punct) return nullptr;
    for (const BinaryLevel& level : binary_levels) {
        if (peek().text == level.spelling) return &level;
    }
    return nullptr;
}

std::int32_t Parser::parse_binary(int min_precedence) {
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

std::int32_t Parser::unary(ExprKind kind, const Token& t) {
    Expr e = expr_at(kind, t);
    e.a = parse_unary();
    return add_expr(std::move(e));
}

std::int32_t Parser::parse_unary() {
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
            if (is("{")) return parse_postfix(parse_compound_literal(t, e.operand_type));
            e.a = parse_unary();
            return add_expr(std::move(e));
        }
    }
    if (t.kind == TokenKind::Keyword && t.text == "_Alignof") {
        // C11's _Alignof (gcc takes it in C99 too): a constant, known as soon as the type is.
        next();
        if (!expect("(", "after '_Alignof'")) return -1;
        const TypeId type = parse_type_name();
        if (failed() || !expect(")", "after the type in _Alignof")) return -1;
        Expr e = expr_at(ExprKind::Number, t);
        e.value = prog_.types.align_of(type);
        e.type = prog_.types.unsigned_long_type();
        return add_expr(std::move(e));
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

std::int32_t Parser::parse_compound_literal(const Token& open, TypeId type) {
    if (function_ < 0) {
        error_at(open, "a compound literal outside a function is not supported in MiniC; declare a named global");
        return -1;
    }
    const TypeTable& types = prog_.types;
    if (!types.is_array(type) && !types.is_struct(type)) {
        error_at(open, "a compound literal in MiniC makes an array or a struct, not " + types.name(type) +
                           "; use a cast or a variable");
        return -1;
    }
    next();  // {
    VarDecl v{.name = "(compound literal, line " + std::to_string(open.line) + ")", .type = type,
              .line = open.line, .column = open.column};
    v.has_init_list = true;
    parse_braced(type, v.init_list, false);
    if (failed()) return -1;
    if (types.is_array(type) && types.get(type).count == 0) {  // (int[]){1, 2, 3}: sized by its list
        const std::uint64_t per = std::max<std::uint64_t>(types.scalar_count(types.element(type)), 1);
        const std::uint64_t count = (v.init_list.size() + per - 1) / per;
        if (count == 0) {
            error_at(open, "the compound literal's array needs a size or at least one value");
            return -1;
        }
        v.type = prog_.types.array_of(types.element(type), count);
    }
    if (!prog_.types.is_complete(v.type)) {
        error_at(open, "a compound literal cannot have the incomplete type " + prog_.types.name(v.type));
        return -1;
    }
    Function& f = prog_.functions[static_cast<std::size_t>(function_)];
    Expr e = expr_at(ExprKind::CompoundLiteral, open);
    e.type = v.type;
    e.temp = static_cast<std::int32_t>(f.locals.size());
    f.locals.push_back(std::move(v));
    return add_expr(std::move(e));
}

std::int32_t Parser::parse_postfix(std::int32_t first) {
    std::int32_t e = first >= 0 ? first : parse_primary();
    if (failed()) return -1;
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
            // The callee: a function's name, or any expression giving a function pointer
            // (`cmp(a, b)` with a pointer variable, `(*op)(x)`, `table[i](x)`).
            const Expr& callee = prog_.exprs[static_cast<std::size_t>(e)];
            next();
            Expr call = expr_at(ExprKind::Call, t);
            call.line = callee.line;
            call.column = callee.column;
            call.name = callee.kind == ExprKind::Name ? callee.name : "the function pointer";
            call.a = e;
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

TypeId Parser::number_type(const Token& t) {
    TypeTable& types = prog_.types;
    const std::uint64_t v = t.value;
    const bool long_is_64 = types.size_of(types.long_type()) == 8;
    const TypeKind wide = long_is_64 ? TypeKind::Long : TypeKind::LongLong;
    if (t.kind == TokenKind::Char) return types.int_type();
    if (t.is_floating) return t.is_float ? types.float_type() : types.double_type();
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

std::int32_t Parser::parse_primary() {
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
    if (t.kind == TokenKind::Identifier && t.text == "__func__" && function_ >= 0) {
        next();  // C99: a static char array holding the function's name
        Expr e = expr_at(ExprKind::String, t);
        e.value = prog_.strings.size();
        prog_.strings.push_back(prog_.functions[static_cast<std::size_t>(function_)].name);
        return add_expr(std::move(e));
    }
    if (t.kind == TokenKind::Identifier && enum_constants_.contains(t.text)) {
        next();
        Expr e = expr_at(ExprKind::Number, t);
        e.value = static_cast<std::uint64_t>(enum_constants_.at(t.text));
        e.type = prog_.types.int_type();
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
}  // namespace memsim::minic::parsing
