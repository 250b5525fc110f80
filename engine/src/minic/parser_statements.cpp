#include "parser_impl.hpp"

namespace memsim::minic::parsing {

std::int32_t Parser::parse_block() {
    const Token& open = peek();
    if (!expect("{", "to start a block")) return -1;
    Stmt block = stmt_at(StmtKind::Block, open);
    while (!failed() && !is("}")) {
        if (peek().kind == TokenKind::End) {
            error_at(peek(), "expected '}' to close the block opened at " + std::to_string(open.line) + ":" +
                                 std::to_string(open.column) + ", found the end of the program");
            return -1;
        }
        const std::size_t start = pos_;
        block.children.push_back(parse_statement());
        if (failed() && !recover(start, Resume::Statement)) return -1;
    }
    next();
    return add_stmt(std::move(block));
}

std::int32_t Parser::parse_statement() {
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
        if (w == "switch") return parse_switch();
        if (w == "case" || w == "default") return parse_label();
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
    if (peek().kind == TokenKind::Identifier && is(":", 1)) {  // `name: statement`, a goto target
        if (const auto before = labels_.find(t.text); before != labels_.end()) {
            error_at(t, "the label '" + t.text + "' is defined twice (first at " + std::to_string(before->second.line) + ":" +
                            std::to_string(before->second.column) + ")");
            return -1;
        }
        labels_.emplace(t.text, t);
        next();
        next();
        Stmt s = stmt_at(StmtKind::Label, t);
        s.label = t.text;
        s.body = is("}") ? add_stmt(stmt_at(StmtKind::Empty, peek())) : parse_statement();
        return add_stmt(std::move(s));
    }
    if (t.kind == TokenKind::Keyword && t.text == "goto") {
        next();
        if (peek().kind != TokenKind::Identifier) {
            error_at(peek(), "expected a label name after 'goto', found " + peek().describe());
            return -1;
        }
        gotos_.push_back(peek());
        Stmt s = stmt_at(StmtKind::Goto, t);
        s.label = next().text;
        expect(";", "after 'goto " + s.label + "'");
        return add_stmt(std::move(s));
    }
    if (t.kind == TokenKind::Identifier && peek(1).kind == TokenKind::Identifier) {
        error_at(t, "unknown type name '" + t.text + "': define it with typedef first, or write 'struct " + t.text + "'");
        return -1;
    }
    Stmt s = stmt_at(StmtKind::Expr, t);
    s.expr = parse_expr();
    expect(";", "after the expression");
    return add_stmt(std::move(s));
}

// `int a = 1, *p;` inside a function: one Decl per declarator (a Group when several).
std::int32_t Parser::parse_declaration() {
    const Token& start = peek();
    const TypeId base = parse_base_type();
    if (failed()) return -1;
    const Storage storage = storage_;
    Stmt group = stmt_at(StmtKind::Group, start);
    if (is(";")) return add_stmt(stmt_at(StmtKind::Empty, start));  // a struct definition alone
    if (storage.is_typedef) {
        parse_typedefs(base);
        return add_stmt(stmt_at(StmtKind::Empty, start));
    }
    do {
        // A local of the block may be a variable-length array; a static or extern one may not.
        vla_context_ = storage.is_static || storage.is_extern ? VlaContext::None : VlaContext::Local;
        const Declarator d = parse_declarator(base, "a variable name");
        vla_context_ = VlaContext::None;
        if (failed()) return -1;
        if (is("(")) {
            error_at(peek(), "functions cannot be declared inside a function in MiniC; declare it before the function");
            return -1;
        }
        VarDecl v = parse_variable(d);
        if (failed()) return -1;
        if (storage.is_extern) continue;  // refers to a global; nothing to place here
        if (storage.is_static) {
            // A static local lives with the globals (.data or .bss) and keeps its value between calls.
            v.owner = function_;
            Stmt decl = Stmt{.kind = StmtKind::Decl, .line = d.line, .column = d.column};
            decl.var = static_cast<std::int32_t>(prog_.globals.size());
            decl.is_static = true;
            prog_.globals.push_back(std::move(v));
            group.children.push_back(add_stmt(std::move(decl)));
            continue;
        }
        Function& f = prog_.functions[static_cast<std::size_t>(function_)];
        if (prog_.types.is_variable_array(v.type)) prog_.types.bind_variable_array(v.type, static_cast<std::int32_t>(f.locals.size()));
        Stmt decl = Stmt{.kind = StmtKind::Decl, .line = d.line, .column = d.column};
        decl.var = static_cast<std::int32_t>(f.locals.size());
        f.locals.push_back(std::move(v));
        group.children.push_back(add_stmt(std::move(decl)));
    } while (accept(","));
    if (group.children.empty()) return add_stmt(stmt_at(StmtKind::Empty, start));
    if (group.children.size() == 1) return group.children.front();
    return add_stmt(std::move(group));
}

std::int32_t Parser::parse_condition(const std::string& keyword) {
    if (!expect("(", "after '" + keyword + "'")) return -1;
    const std::int32_t cond = parse_expr();
    expect(")", "after the condition of '" + keyword + "'");
    return cond;
}

std::int32_t Parser::parse_if() {
    Stmt s = stmt_at(StmtKind::If, next());
    s.expr = parse_condition("if");
    s.body = parse_statement();
    if (!failed() && is_keyword("else")) {
        next();
        s.else_body = parse_statement();
    }
    return add_stmt(std::move(s));
}

std::int32_t Parser::parse_while() {
    Stmt s = stmt_at(StmtKind::While, next());
    s.expr = parse_condition("while");
    s.body = parse_statement();
    return add_stmt(std::move(s));
}

std::int32_t Parser::parse_do() {
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

std::int32_t Parser::parse_for() {
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
    if (!expect(")", "to close 'for (...)'")) return -1;
    s.body = parse_statement();
    return add_stmt(std::move(s));
}

std::int32_t Parser::parse_switch() {
    Stmt s = stmt_at(StmtKind::Switch, next());
    s.expr = parse_condition("switch");
    if (failed()) return -1;
    switch_labels_.emplace_back();
    s.body = parse_statement();
    s.children = std::move(switch_labels_.back());
    switch_labels_.pop_back();
    return add_stmt(std::move(s));
}

std::int32_t Parser::parse_label() {
    const Token& t = next();
    const bool is_case = t.text == "case";
    if (switch_labels_.empty()) {
        error_at(t, "'" + t.text + "' is only allowed inside a switch");
        return -1;
    }
    Stmt s = stmt_at(is_case ? StmtKind::Case : StmtKind::Default, t);
    if (is_case) {
        const std::int32_t e = parse_conditional();
        if (failed()) return -1;
        const auto v = fold_constant(e);
        if (!v) {
            error_at(t, "a case label must be a constant integer (a number, a character, an enum constant or a #define)");
            return -1;
        }
        s.value = *v;
    }
    if (!expect(":", std::string("after '") + (is_case ? "case value" : "default") + "'")) return -1;
    for (std::int32_t other : switch_labels_.back()) {
        const Stmt& o = prog_.stmts[static_cast<std::size_t>(other)];
        if (o.kind == s.kind && (!is_case || o.value == s.value)) {
            error_at(t, std::string(is_case ? "the case value " + std::to_string(s.value) : "'default'") +
                            " appears twice in this switch (first at " + std::to_string(o.line) + ":" +
                            std::to_string(o.column) + ")");
            return -1;
        }
    }
    const std::int32_t index = add_stmt(std::move(s));
    switch_labels_.back().push_back(index);
    return index;
}
}  // namespace memsim::minic::parsing
