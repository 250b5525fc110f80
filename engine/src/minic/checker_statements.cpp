#include "checker_impl.hpp"

namespace memsim::minic::checking {

// Whether a value of type `from` (expression `e`) may be stored in `to`; names the problem otherwise.
bool Checker::assignable(TypeId to, std::int32_t from_index, const std::string& what) {
    const Expr& e = ex(from_index);
    const TypeId from = decay(e.type);
    if (t_.is_arithmetic(to) && t_.is_arithmetic(from)) return true;
    if (t_.is_bool(to) && t_.is_pointer(from)) return true;  // a pointer is true when not NULL
    if (t_.is_pointer(to) && t_.is_pointer(from)) {
        const TypeId a = t_.element(to), b = t_.element(from);
        if (a == b || t_.is_void(a) || t_.is_void(b)) return true;
        error_at(e, what + ": " + quoted(from) + " and " + quoted(to) + " point to different types; add a cast if you mean it");
        return false;
    }
    if (t_.is_pointer(to) && t_.is_integer(from)) {
        if (is_null_constant(e)) return true;
        error_at(e, what + ": an integer (" + quoted(from) + ") is not a pointer (" + quoted(to) + "); add a cast if you mean it");
        return false;
    }
    if (t_.is_struct(to) && to == from) return true;
    error_at(e, what + ": cannot convert " + quoted(from) + " to " + quoted(to));
    return false;
}

// ---- declarations ----
void Checker::check_object_size(const VarDecl& v) {
    if (t_.size_of(v.type) > max_object_size) {
        error_at(v.line, v.column, "'" + v.name + "' is " + std::to_string(t_.size_of(v.type)) +
                                       " bytes, more than MiniC places (1 GiB)");
    }
}

// The run-time sizes of a variable-length array must be integers.
void Checker::check_array_sizes(const VarDecl& v) {
    for (TypeId t = v.type; t_.is_variable_array(t) && !failed(); t = t_.element(t)) {
        const std::int32_t size = t_.variable_array(t).size_expr;
        const TypeId type = decay(check_expr(size));
        if (!failed() && !t_.is_integer(type)) {
            error_at(ex(size), "the size of array '" + v.name + "' must be an integer, not " + quoted(type));
        }
    }
}

void Checker::check_initializer(VarDecl& v, bool global) {
    check_object_size(v);
    if (v.has_init_list) {
        std::vector<TypeId> slots;
        if (t_.is_array(v.type) || t_.is_struct(v.type)) {
            const std::uint64_t count = t_.scalar_count(v.type);
            if (count > max_initialized_elements) {
                error_at(v.line, v.column, "initializer lists fill at most " + std::to_string(max_initialized_elements) +
                                               " elements in MiniC; '" + v.name + "' has " + std::to_string(count) +
                                               ": fill it with a loop");
                return;
            }
            for (const auto& slot : t_.scalar_slots(v.type)) slots.push_back(slot.second);
        }
        if (slots.empty()) {
            error_at(v.line, v.column, "an initializer list needs an array of numbers or pointers, or a struct, not " + quoted(v.type));
            return;
        }
        if (v.init_list.size() > slots.size()) {
            error_at(ex(v.init_list[slots.size()]), "too many initial values for '" + v.name + "' (it holds " +
                                                        std::to_string(slots.size()) + ")");
            return;
        }
        for (std::size_t i = 0; i < v.init_list.size() && !failed(); ++i) {
            check_expr(v.init_list[i]);
            if (!failed()) assignable(slots[i], v.init_list[i], "initial value of '" + v.name + "'");
            if (global && !failed()) require_constant(v.init_list[i]);
        }
        return;
    }
    if (v.init < 0) return;
    const Expr& init = ex(v.init);
    if (t_.is_array(v.type)) {
        if (init.kind == ExprKind::String && t_.get(t_.element(v.type)).kind == TypeKind::Char) {
            if (p_.strings[static_cast<std::size_t>(init.value)].size() > t_.get(v.type).count) {
                error_at(init, "the string has " + plural(p_.strings[static_cast<std::size_t>(init.value)].size(), "character") +
                                   ", more than '" + v.name + "' holds");
            }
            check_expr(v.init);
            return;
        }
        error_at(init, "an array is initialised with {...} or, for char arrays, a string");
        return;
    }
    check_expr(v.init);
    if (!failed()) assignable(v.type, v.init, "initial value of '" + v.name + "'");
    if (!failed()) require_struct_source(v.type, v.init);
    if (global && !failed()) require_constant(v.init);
}

// A struct is copied byte by byte from another struct in memory.
void Checker::require_struct_source(TypeId target, std::int32_t source) {
    const ExprKind kind = ex(source).kind;
    const bool returned = kind == ExprKind::Call && ex(source).temp >= 0;
    if (t_.is_struct(target) && !is_lvalue(ex(source)) && !returned && kind != ExprKind::Assign && kind != ExprKind::Comma) {
        error_at(ex(source), "a struct can only be copied from a struct variable, element, field or function result (write one assignment per statement)");
    }
}

// Numbers, sizeof, and + - * / % << >> & | ^ comparisons, negation and casts of them.
bool Checker::is_arithmetic_constant(std::int32_t i) const {
    const Expr& e = p_.exprs[static_cast<std::size_t>(i)];
    switch (e.kind) {
        case ExprKind::Number: case ExprKind::SizeofType: case ExprKind::SizeofExpr: return true;
        case ExprKind::Negate: case ExprKind::Plus: case ExprKind::BitNot: return is_arithmetic_constant(e.a);
        case ExprKind::Cast: return t_.is_arithmetic(e.operand_type) && is_arithmetic_constant(e.a);
        case ExprKind::Binary:
            return e.op != BinaryOp::LogicalAnd && e.op != BinaryOp::LogicalOr && t_.is_arithmetic(e.type) &&
                   t_.is_arithmetic(p_.exprs[static_cast<std::size_t>(e.a)].type) &&
                   t_.is_arithmetic(p_.exprs[static_cast<std::size_t>(e.b)].type) && is_arithmetic_constant(e.a) &&
                   is_arithmetic_constant(e.b);
        default: return false;
    }
}

void Checker::require_constant(std::int32_t i) {
    const Expr& e = ex(i);
    const auto is_function_name = [&](const Expr& x) { return x.kind == ExprKind::Name && x.ref == RefKind::Function; };
    const bool function_address = is_function_name(e) || (e.kind == ExprKind::AddressOf && is_function_name(ex(e.a)));
    const bool ok = e.kind == ExprKind::String || is_arithmetic_constant(i) || function_address ||
                    (e.kind == ExprKind::Cast && ex(e.a).kind == ExprKind::Number);
    if (!ok) error_at(e, "a global's initial value must be a constant (a number, a string or arithmetic on numbers)");
}

void Checker::check_global(VarDecl& v) {
    for (const Function& f : p_.functions) {
        if (f.name == v.name) error_at(v.line, v.column, "'" + v.name + "' is both a global variable and a function");
    }
    check_initializer(v, true);
}

void Checker::check_function(std::int32_t index) {
    fn_ = index;
    if (fn().body < 0) return;
    if (find_builtin(fn().name)) {
        error_at(fn().line, fn().column, "'" + fn().name + "' is a library function in MiniC; choose another name");
        return;
    }
    scope_.clear();
    for (std::size_t i = 0; i < fn().param_count; ++i) {
        scope_.emplace_back(fn().locals[i].name, static_cast<std::int32_t>(i));
    }
    temps_.clear();
    check_stmt(fn().body);
    if (!failed()) {
        if (auto jump = jump_into_variable_array(p_, fn())) error_at(jump->line, jump->column, jump->message);
    }
    for (VarDecl& temp : temps_) fn().locals.push_back(std::move(temp));
    temps_.clear();
}

void Checker::check_main() {
    const std::int32_t m = p_.find_function("main");
    if (m < 0 || p_.functions[static_cast<std::size_t>(m)].body < 0) {
        error_at(p_.first_line, 1, "the program has no 'main' function: write 'int main(void) { ... }'");
        return;
    }
    const Function& f = p_.functions[static_cast<std::size_t>(m)];
    const bool with_arguments = f.param_count == 2 && t_.get(f.locals[0].type).kind == TypeKind::Int &&
                                f.locals[1].type == t_.pointer_to(t_.pointer_to(t_.char_type()));
    if (f.param_count != 0 && !with_arguments) {
        error_at(f.line, f.column, "main takes no parameters or (int argc, char *argv[]) in MiniC");
    }
    if (!t_.is_integer(f.return_type) && !t_.is_void(f.return_type)) error_at(f.line, f.column, "main must return int");
}

// ---- statements ----
void Checker::check_stmt(std::int32_t index) {
    if (failed() || index < 0) return;
    Stmt& s = p_.stmts[static_cast<std::size_t>(index)];
    switch (s.kind) {
        case StmtKind::Block: {
            const std::size_t mark = scope_.size();
            for (std::int32_t child : s.children) {
                check_stmt(child);
                if (!go_on()) break;
            }
            scope_.resize(mark);
            break;
        }
        case StmtKind::Group:
            for (std::int32_t child : s.children) check_stmt(child);
            break;
        case StmtKind::Decl: {
            if (s.is_static) {  // checked with the globals; visible from here on
                scope_.emplace_back(p_.globals[static_cast<std::size_t>(s.var)].name, -2 - s.var);
                break;
            }
            VarDecl& v = fn().locals[static_cast<std::size_t>(s.var)];
            check_array_sizes(v);  // `int n[n]` sizes itself with the outer n, as in C
            if (failed()) break;
            // The variable is in scope from its own initializer on, as in C.
            scope_.emplace_back(v.name, s.var);
            check_initializer(v, false);
            break;
        }
        case StmtKind::Expr: check_expr(s.expr); break;
        case StmtKind::If:
            check_condition(s.expr, "if");
            check_stmt(s.body);
            check_stmt(s.else_body);
            break;
        case StmtKind::While:
        case StmtKind::DoWhile:
            check_condition(s.expr, "while");
            ++loops_;
            check_stmt(s.body);
            --loops_;
            break;
        case StmtKind::For: {
            const std::size_t mark = scope_.size();
            check_stmt(s.init);
            if (s.expr >= 0) check_condition(s.expr, "for");
            if (s.step >= 0) check_expr(s.step);
            ++loops_;
            check_stmt(s.body);
            --loops_;
            scope_.resize(mark);
            break;
        }
        case StmtKind::Switch: {
            const TypeId t = decay(check_expr(s.expr));
            if (!failed() && !t_.is_integer(t)) error_at(ex(s.expr), "the value of 'switch' must be an integer, not " + quoted(t));
            ++switches_;
            check_stmt(s.body);
            --switches_;
            break;
        }
        case StmtKind::Case:
        case StmtKind::Default: break;
        case StmtKind::Break:
            if (loops_ == 0 && switches_ == 0) error_at(s.line, s.column, "'break' is only allowed inside a loop or a switch");
            break;
        case StmtKind::Continue:
            if (loops_ == 0) {
                error_at(s.line, s.column, std::string("'") + (s.kind == StmtKind::Break ? "break" : "continue") +
                                               "' is only allowed inside a loop");
            }
            break;
        case StmtKind::Return: check_return(s); break;
        case StmtKind::Label: check_stmt(s.body); break;
        case StmtKind::Goto: break;  // the parser checked that the label exists
        case StmtKind::Empty: break;
    }
}

void Checker::check_condition(std::int32_t e, const char* keyword) {
    const TypeId t = decay(check_expr(e));
    if (!failed() && !t_.is_scalar(t)) error_at(ex(e), std::string("the condition of '") + keyword + "' must be a number or a pointer, not " + quoted(t));
}

void Checker::check_return(const Stmt& s) {
    const TypeId want = fn().return_type;
    if (s.expr < 0) {
        if (!t_.is_void(want)) error_at(s.line, s.column, "'" + fn().name + "' must return a value of type " + quoted(want));
        return;
    }
    check_expr(s.expr);
    if (failed()) return;
    if (t_.is_void(want)) {
        error_at(ex(s.expr), "'" + fn().name + "' returns void, so 'return' takes no value");
        return;
    }
    assignable(want, s.expr, "return value of '" + fn().name + "'");
}
}  // namespace memsim::minic::checking
