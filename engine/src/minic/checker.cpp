#include "memsim/minic/checker.hpp"

#include <optional>

#include "memsim/core/text.hpp"
#include "memsim/minic/library.hpp"

namespace memsim::minic {
namespace {

std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

class Checker {
public:
    explicit Checker(Program& program) : p_(program), t_(program.types) {}

    tl::expected<void, Error> run() {
        for (std::size_t i = 0; i < p_.globals.size() && !failed(); ++i) check_global(p_.globals[i]);
        for (std::size_t i = 0; i < p_.functions.size() && !failed(); ++i) check_function(static_cast<std::int32_t>(i));
        if (!failed()) check_main();
        if (failed()) return tl::unexpected(*error_);
        return {};
    }

private:
    Program& p_;
    TypeTable& t_;
    std::optional<Error> error_;
    std::int32_t fn_ = -1;
    std::vector<std::pair<std::string, std::int32_t>> scope_;  // visible locals, innermost last
    int loops_ = 0;

    bool failed() const { return error_.has_value(); }
    void error_at(int line, int column, const std::string& message) {
        if (!error_) error_ = Error{line, column, message};
    }
    void error_at(const Expr& e, const std::string& message) { error_at(e.line, e.column, message); }
    Expr& ex(std::int32_t i) { return p_.exprs[static_cast<std::size_t>(i)]; }
    Function& fn() { return p_.functions[static_cast<std::size_t>(fn_)]; }

    TypeId decay(TypeId t) { return t_.is_array(t) ? t_.pointer_to(t_.element(t)) : t; }
    std::string quoted(TypeId t) const { return "'" + t_.name(t) + "'"; }

    bool is_null_constant(const Expr& e) const {
        return (e.kind == ExprKind::Number && e.value == 0) ||
               (e.kind == ExprKind::Cast && t_.is_pointer(e.operand_type) && p_.exprs[static_cast<std::size_t>(e.a)].kind == ExprKind::Number &&
                p_.exprs[static_cast<std::size_t>(e.a)].value == 0);
    }

    bool is_lvalue(const Expr& e) const {
        switch (e.kind) {
            case ExprKind::Name: return e.ref == RefKind::Local || e.ref == RefKind::Global;
            case ExprKind::Deref: case ExprKind::Index: case ExprKind::Arrow: return true;
            case ExprKind::Member: return is_lvalue(p_.exprs[static_cast<std::size_t>(e.a)]);
            default: return false;
        }
    }

    // Whether a value of type `from` (expression `e`) may be stored in `to`; names the problem otherwise.
    bool assignable(TypeId to, std::int32_t from_index, const std::string& what) {
        const Expr& e = ex(from_index);
        const TypeId from = decay(e.type);
        if (t_.is_integer(to) && t_.is_integer(from)) return true;
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
    void check_object_size(const VarDecl& v) {
        if (t_.size_of(v.type) > max_object_size) {
            error_at(v.line, v.column, "'" + v.name + "' is " + std::to_string(t_.size_of(v.type)) +
                                           " bytes, more than MiniC places (1 GiB)");
        }
    }

    void check_initializer(VarDecl& v, bool global) {
        check_object_size(v);
        if (v.has_init_list) {
            std::vector<TypeId> slots;
            if (t_.is_array(v.type)) {
                // Arrays of arrays fill row by row: int m[2][3] = {1, 2, 3, 4, 5, 6}.
                TypeId leaf = v.type;
                while (t_.is_array(leaf)) leaf = t_.element(leaf);
                if (t_.is_scalar(leaf)) slots.assign(static_cast<std::size_t>(t_.size_of(v.type) / t_.size_of(leaf)), leaf);
            } else if (t_.is_struct(v.type)) {
                for (const Field& f : t_.struct_of(v.type).fields) {
                    if (!t_.is_scalar(f.type)) {
                        error_at(v.line, v.column, "initializer lists work for structs of numbers and pointers only; set field '" +
                                                       f.name + "' with an assignment");
                        return;
                    }
                    slots.push_back(f.type);
                }
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
    void require_struct_source(TypeId target, std::int32_t source) {
        if (t_.is_struct(target) && !is_lvalue(ex(source))) {
            error_at(ex(source), "a struct can only be copied from a struct variable, element or field (write one assignment per statement)");
        }
    }

    void require_constant(std::int32_t i) {
        const Expr& e = ex(i);
        const bool ok = e.kind == ExprKind::Number || e.kind == ExprKind::String || e.kind == ExprKind::SizeofType ||
                        ((e.kind == ExprKind::Negate || e.kind == ExprKind::Cast) && ex(e.a).kind == ExprKind::Number);
        if (!ok) error_at(e, "a global's initial value must be a constant (a number or a string)");
    }

    void check_global(VarDecl& v) {
        for (const Function& f : p_.functions) {
            if (f.name == v.name) error_at(v.line, v.column, "'" + v.name + "' is both a global variable and a function");
        }
        check_initializer(v, true);
    }

    void check_function(std::int32_t index) {
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
        check_stmt(fn().body);
    }

    void check_main() {
        const std::int32_t m = p_.find_function("main");
        if (m < 0 || p_.functions[static_cast<std::size_t>(m)].body < 0) {
            error_at(1, 1, "the program has no 'main' function: write 'int main(void) { ... }'");
            return;
        }
        const Function& f = p_.functions[static_cast<std::size_t>(m)];
        if (f.param_count != 0) error_at(f.line, f.column, "main takes no parameters in MiniC: write 'int main(void)'");
        if (!t_.is_integer(f.return_type) && !t_.is_void(f.return_type)) error_at(f.line, f.column, "main must return int");
    }

    // ---- statements ----
    void check_stmt(std::int32_t index) {
        if (failed() || index < 0) return;
        Stmt& s = p_.stmts[static_cast<std::size_t>(index)];
        switch (s.kind) {
            case StmtKind::Block: {
                const std::size_t mark = scope_.size();
                for (std::int32_t child : s.children) check_stmt(child);
                scope_.resize(mark);
                break;
            }
            case StmtKind::Group:
                for (std::int32_t child : s.children) check_stmt(child);
                break;
            case StmtKind::Decl: {
                VarDecl& v = fn().locals[static_cast<std::size_t>(s.var)];
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
            case StmtKind::Break:
            case StmtKind::Continue:
                if (loops_ == 0) {
                    error_at(s.line, s.column, std::string("'") + (s.kind == StmtKind::Break ? "break" : "continue") +
                                                   "' is only allowed inside a loop");
                }
                break;
            case StmtKind::Return: check_return(s); break;
            case StmtKind::Empty: break;
        }
    }

    void check_condition(std::int32_t e, const char* keyword) {
        const TypeId t = decay(check_expr(e));
        if (!failed() && !t_.is_scalar(t)) error_at(ex(e), std::string("the condition of '") + keyword + "' must be a number or a pointer, not " + quoted(t));
    }

    void check_return(const Stmt& s) {
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

    // ---- expressions ----
    std::vector<std::string> visible_names() const {
        std::vector<std::string> names;
        for (const auto& [name, index] : scope_) names.push_back(name);
        for (const VarDecl& g : p_.globals) names.push_back(g.name);
        for (const Function& f : p_.functions) names.push_back(f.name);
        for (const BuiltinInfo& b : builtins()) names.push_back(b.name);
        return names;
    }

    void undefined(const Expr& e, const std::string& what) {
        const std::string suggestion = nearest(e.name, visible_names());
        error_at(e, what + " '" + e.name + "' is not defined" + (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
    }

    TypeId check_name(Expr& e) {
        for (std::size_t i = scope_.size(); i-- > 0;) {
            if (scope_[i].first == e.name) {
                e.ref = RefKind::Local;
                e.ref_index = scope_[i].second;
                return fn().locals[static_cast<std::size_t>(e.ref_index)].type;
            }
        }
        for (std::size_t i = 0; i < p_.globals.size(); ++i) {
            if (p_.globals[i].name == e.name) {
                e.ref = RefKind::Global;
                e.ref_index = static_cast<std::int32_t>(i);
                return p_.globals[i].type;
            }
        }
        if (e.name == "NULL") {
            e.kind = ExprKind::Number;
            e.value = 0;
            return t_.pointer_to(t_.void_type());
        }
        if (p_.find_function(e.name) >= 0 || find_builtin(e.name)) {
            error_at(e, "'" + e.name + "' is a function: call it with (...); function pointers are not supported in MiniC");
            return 0;
        }
        undefined(e, "variable");
        return 0;
    }

    TypeId builtin_type(char letter) {
        switch (letter) {
            case 'v': return t_.void_type();
            case 'i': return t_.int_type();
            case 'z': return t_.unsigned_long_type();
            case 's': return t_.pointer_to(t_.char_type());
            default: return t_.pointer_to(t_.void_type());
        }
    }

    void check_arguments(const Expr& e, const std::vector<TypeId>& params, bool variadic) {
        const std::size_t given = e.args.size();
        if (given < params.size() || (!variadic && given > params.size())) {
            error_at(e, "'" + e.name + "' takes " + (variadic ? "at least " : "") + plural(params.size(), "argument") +
                            " but is given " + std::to_string(given));
            return;
        }
        for (std::size_t i = 0; i < given && !failed(); ++i) {
            const TypeId t = decay(check_expr(e.args[i]));
            if (failed()) return;
            if (i >= params.size()) {
                if (!t_.is_scalar(t)) error_at(ex(e.args[i]), "printf takes numbers, characters and pointers, not " + quoted(t));
                continue;
            }
            assignable(params[i], e.args[i], "argument " + std::to_string(i + 1) + " of '" + e.name + "'");
        }
    }

    TypeId check_call(Expr& e) {
        for (const auto& [name, index] : scope_) {
            if (name == e.name) {
                error_at(e, "'" + e.name + "' is a variable, not a function; function pointers are not supported in MiniC");
                return 0;
            }
        }
        const std::int32_t f = p_.find_function(e.name);
        if (f >= 0) {
            const Function& callee = p_.functions[static_cast<std::size_t>(f)];
            if (callee.body < 0) {
                error_at(e, "function '" + e.name + "' is declared but never defined");
                return 0;
            }
            e.ref = RefKind::Function;
            e.ref_index = f;
            std::vector<TypeId> params;
            for (std::size_t i = 0; i < callee.param_count; ++i) params.push_back(callee.locals[i].type);
            check_arguments(e, params, false);
            return callee.return_type;
        }
        if (const BuiltinInfo* b = find_builtin(e.name)) {
            e.ref = RefKind::Builtin;
            e.ref_index = static_cast<std::int32_t>(b->id);
            std::vector<TypeId> params;
            for (const char* c = b->params; *c; ++c) params.push_back(builtin_type(*c));
            check_arguments(e, params, b->variadic);
            return builtin_type(b->returns);
        }
        static constexpr const char* unsupported_library[] = {"scanf", "strcmp", "strcat", "strncpy", "sprintf", "atoi", "rand", "fopen", "fprintf"};
        for (const char* name : unsupported_library) {
            if (e.name == name) {
                error_at(e, "the library function '" + e.name + "' is not available in MiniC");
                return 0;
            }
        }
        undefined(e, "function");
        return 0;
    }

    TypeId check_member(Expr& e) {
        TypeId base = check_expr(e.a);
        if (failed()) return 0;
        if (e.kind == ExprKind::Arrow) {
            base = decay(base);
            if (!t_.is_pointer(base) || !t_.is_struct(t_.element(base))) {
                error_at(e, "'->' needs a pointer to a struct, but the left side is " + quoted(base) +
                                (t_.is_struct(base) ? "; use '.' for a struct" : ""));
                return 0;
            }
            base = t_.element(base);
        } else if (!t_.is_struct(base)) {
            error_at(e, "'.' needs a struct, but the left side is " + quoted(base) +
                            (t_.is_pointer(base) && t_.is_struct(t_.element(base)) ? "; use '->' for a pointer to a struct" : ""));
            return 0;
        }
        if (!t_.is_complete(base)) {
            std::vector<std::string> defined;
            for (const StructDef& def : t_.structs()) {
                if (def.complete) defined.push_back(def.name);
            }
            const std::string suggestion = nearest(t_.struct_of(base).name, defined);
            error_at(e, quoted(base) + " is declared but its fields are never defined" +
                            (suggestion.empty() ? "" : "; did you mean 'struct " + suggestion + "'?"));
            return 0;
        }
        const StructDef& def = t_.struct_of(base);
        if (const Field* f = def.find(e.name)) {
            e.field_offset = f->offset;
            return f->type;
        }
        std::vector<std::string> names;
        for (const Field& f : def.fields) names.push_back(f.name);
        const std::string suggestion = nearest(e.name, names);
        error_at(e, "struct " + def.name + " has no field '" + e.name + "'" +
                        (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
        return 0;
    }

    TypeId require_integer(std::int32_t i, const std::string& what) {
        const TypeId t = decay(check_expr(i));
        if (!failed() && !t_.is_integer(t)) error_at(ex(i), what + " needs an integer, not " + quoted(t));
        return t;
    }

    TypeId require_scalar(std::int32_t i, const std::string& what) {
        const TypeId t = decay(check_expr(i));
        if (!failed() && !t_.is_scalar(t)) error_at(ex(i), what + " needs a number or a pointer, not " + quoted(t));
        return t;
    }

    TypeId check_modifiable(std::int32_t i, const std::string& what) {
        const TypeId t = check_expr(i);
        if (failed()) return 0;
        const Expr& e = ex(i);
        if (!is_lvalue(e)) error_at(e, what + " needs a variable, an array element, a field or *pointer on its left");
        else if (t_.is_array(t)) error_at(e, what + ": an array cannot be assigned as a whole; copy its elements (or use memcpy)");
        return t;
    }

    TypeId check_pointer_step(std::int32_t i, const char* what) {
        const TypeId t = check_modifiable(i, what);
        if (failed()) return 0;
        if (!t_.is_scalar(t)) error_at(ex(i), std::string(what) + " needs a number or a pointer, not " + quoted(t));
        if (t_.is_pointer(t) && !t_.is_complete(t_.element(t))) error_at(ex(i), std::string(what) + " on " + quoted(t) + " needs a complete element type");
        return t;
    }

    TypeId check_binary(Expr& e) {
        const TypeId a = require_scalar(e.a, std::string("'") + binary_op_spelling(e.op) + "'");
        if (failed()) return 0;
        const TypeId b = require_scalar(e.b, std::string("'") + binary_op_spelling(e.op) + "'");
        if (failed()) return 0;
        return binary_result(e, a, b);
    }

    // The type of `a op b`, or an error when the operand types do not fit the operator.
    TypeId binary_result(const Expr& e, TypeId a, TypeId b) {
        const bool pa = t_.is_pointer(a), pb = t_.is_pointer(b);
        const std::string op = std::string("'") + binary_op_spelling(e.op) + "'";
        switch (e.op) {
            case BinaryOp::LogicalAnd: case BinaryOp::LogicalOr: return t_.int_type();
            case BinaryOp::Lt: case BinaryOp::Le: case BinaryOp::Gt: case BinaryOp::Ge:
            case BinaryOp::Eq: case BinaryOp::Ne:
                if (pa != pb && !is_null_constant(ex(pa ? e.b : e.a))) {
                    error_at(e, op + " compares a pointer with an integer; compare with NULL or cast");
                }
                return t_.int_type();
            case BinaryOp::Add:
                if (pa && pb) error_at(e, "two pointers cannot be added");
                if (pa || pb) return pointer_arithmetic(e, pa ? a : b);
                return t_.common(a, b);
            case BinaryOp::Sub:
                if (pa && pb) {
                    if (t_.element(a) != t_.element(b)) error_at(e, "'-' subtracts pointers of different types " + quoted(a) + " and " + quoted(b));
                    if (!t_.is_complete(t_.element(a))) error_at(e, "'-' between " + quoted(a) + " pointers needs a complete element type");
                    return t_.long_type();
                }
                if (pb) error_at(e, "a pointer cannot be subtracted from an integer");
                if (pa) return pointer_arithmetic(e, a);
                return t_.common(a, b);
            case BinaryOp::Shl: case BinaryOp::Shr:
                if (pa || pb) error_at(e, op + " needs integers, not pointers");
                return t_.promote(a);
            default:
                if (pa || pb) error_at(e, op + " needs integers, not pointers");
                return t_.common(a, b);
        }
    }

    TypeId pointer_arithmetic(const Expr& e, TypeId pointer) {
        if (!t_.is_complete(t_.element(pointer))) {
            error_at(e, "pointer arithmetic on " + quoted(pointer) + " needs a complete element type (cast a void * to char * first)");
        }
        return pointer;
    }

    TypeId check_conditional(Expr& e) {
        require_scalar(e.a, "the condition of '?:'");
        const TypeId b = decay(check_expr(e.b));
        const TypeId c = decay(check_expr(e.c));
        if (failed()) return 0;
        if (t_.is_integer(b) && t_.is_integer(c)) return t_.common(b, c);
        if (t_.is_pointer(b) && (t_.is_pointer(c) || is_null_constant(ex(e.c)))) return b;
        if (t_.is_pointer(c) && is_null_constant(ex(e.b))) return c;
        if (t_.is_struct(b) || t_.is_struct(c)) {
            error_at(e, "'?:' cannot choose between structs in MiniC; use if / else");
            return 0;
        }
        error_at(e, "the two results of '?:' have different types " + quoted(b) + " and " + quoted(c));
        return 0;
    }

    TypeId check_expr(std::int32_t i) {
        if (failed() || i < 0) return 0;
        Expr& e = ex(i);
        e.type = compute(e);
        if (failed()) return 0;
        return e.type;
    }

    TypeId compute(Expr& e) {
        switch (e.kind) {
            case ExprKind::Number: return e.type;
            case ExprKind::String: return t_.array_of(t_.char_type(), p_.strings[static_cast<std::size_t>(e.value)].size() + 1);
            case ExprKind::Name: return check_name(e);
            case ExprKind::Call: return check_call(e);
            case ExprKind::Index: {
                const TypeId a = require_scalar(e.a, "'[]'");
                const TypeId b = require_scalar(e.b, "'[]'");
                if (failed()) return 0;
                if (t_.is_pointer(a) == t_.is_pointer(b)) {
                    error_at(e, "'[]' needs an array or pointer and an integer index, not " + quoted(a) + " and " + quoted(b));
                    return 0;
                }
                const TypeId p = t_.is_pointer(a) ? a : b;
                if (!t_.is_complete(t_.element(p))) error_at(e, "cannot index " + quoted(p) + ": the element type is incomplete");
                return t_.element(p);
            }
            case ExprKind::Member:
            case ExprKind::Arrow: return check_member(e);
            case ExprKind::PostInc: return check_pointer_step(e.a, "'++'");
            case ExprKind::PostDec: return check_pointer_step(e.a, "'--'");
            case ExprKind::PreInc: return check_pointer_step(e.a, "'++'");
            case ExprKind::PreDec: return check_pointer_step(e.a, "'--'");
            case ExprKind::AddressOf: {
                const TypeId t = check_expr(e.a);
                if (failed()) return 0;
                if (!is_lvalue(ex(e.a)) && ex(e.a).kind != ExprKind::String) {
                    error_at(e, "'&' needs a variable, an array element or a field: this value has no address");
                }
                return t_.pointer_to(t);
            }
            case ExprKind::Deref: {
                const TypeId t = require_scalar(e.a, "'*'");
                if (failed()) return 0;
                if (!t_.is_pointer(t)) {
                    error_at(e, "'*' needs a pointer, not " + quoted(t));
                    return 0;
                }
                if (t_.is_void(t_.element(t))) error_at(e, "a 'void *' cannot be dereferenced; cast it to a typed pointer first");
                return t_.element(t);
            }
            case ExprKind::Negate: case ExprKind::Plus: case ExprKind::BitNot:
                return t_.promote(require_integer(e.a, e.kind == ExprKind::BitNot ? "'~'" : "'-'"));
            case ExprKind::Not: require_scalar(e.a, "'!'"); return t_.int_type();
            case ExprKind::Cast: {
                const TypeId from = require_scalar(e.a, "a cast");
                if (failed()) return 0;
                if (!t_.is_scalar(e.operand_type) && !t_.is_void(e.operand_type)) {
                    error_at(e, "cannot cast to " + quoted(e.operand_type) + ": only to numbers, pointers and void");
                }
                (void)from;
                return e.operand_type;
            }
            case ExprKind::SizeofType:
                if (!t_.is_complete(e.operand_type)) error_at(e, "sizeof needs a complete type, not " + quoted(e.operand_type));
                return t_.unsigned_long_type();
            case ExprKind::SizeofExpr: {
                const TypeId t = check_expr(e.a);
                if (failed()) return 0;
                if (!t_.is_complete(t)) error_at(e, "sizeof needs a complete type, not " + quoted(t));
                e.operand_type = t;
                return t_.unsigned_long_type();
            }
            case ExprKind::Binary: return check_binary(e);
            case ExprKind::Assign: {
                const TypeId t = check_modifiable(e.a, "'='");
                check_expr(e.b);
                if (!failed()) assignable(t, e.b, "'='");
                if (!failed()) require_struct_source(t, e.b);
                return t;
            }
            case ExprKind::CompoundAssign: {
                const std::string op = std::string("'") + binary_op_spelling(e.op) + "='";
                const TypeId t = check_modifiable(e.a, op);
                if (failed()) return 0;
                if (!t_.is_scalar(t)) {
                    error_at(e, op + " needs a number or a pointer, not " + quoted(t));
                    return 0;
                }
                const TypeId b = require_scalar(e.b, op);
                if (failed()) return 0;
                if (t_.is_pointer(t) && e.op != BinaryOp::Add && e.op != BinaryOp::Sub) error_at(e, op + " needs integers, not pointers");
                else if (t_.is_pointer(b)) error_at(e, op + " cannot take a pointer on its right");
                else if (t_.is_pointer(t)) pointer_arithmetic(e, t);
                return t;
            }
            case ExprKind::Conditional: return check_conditional(e);
        }
        return 0;
    }
};

}  // namespace

tl::expected<void, Error> check(Program& program) { return Checker(program).run(); }

}  // namespace memsim::minic
