#pragma once
// Internal to the MiniC checker (not installed): the Checker class shared by the files that
// implement it by feature: checker_statements.cpp (declarations, statements, conversions)
// and checker_expressions.cpp (names, calls, operators). See memsim/minic/checker.hpp.
#include "memsim/minic/checker.hpp"
#include <optional>
#include "memsim/core/text.hpp"
#include "memsim/minic/library.hpp"
#include "memsim/minic/parser.hpp"

namespace memsim::minic::checking {

inline std::string plural(std::size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// The first goto (or switch) of `function` that jumps into the scope of a variable-length
// array, as an error at the jump; C forbids it (checker_jumps.cpp).
std::optional<Error> jump_into_variable_array(const Program& program, const Function& function);

class Checker {
public:
    explicit Checker(Program& program) : p_(program), t_(program.types) {}

    // Checks every global and function, listing each error and going on after it (at the
    // next statement of a block, or the next global or function), as gcc does.
    tl::expected<void, Error> run() {
        for (std::size_t i = 0; i < p_.globals.size() && go_on(); ++i) check_global(p_.globals[i]);
        for (std::size_t i = 0; i < p_.functions.size() && go_on(); ++i) check_function(static_cast<std::int32_t>(i));
        if (go_on()) check_main();
        go_on();
        if (!errors_.empty()) return tl::unexpected(joined_errors(std::move(errors_)));
        return {};
    }

private:
    Program& p_;
    TypeTable& t_;
    std::optional<Error> error_;   // the error being unwound to the next place to go on
    std::vector<Error> errors_{};  // the errors listed so far
    std::int32_t fn_ = -1;
    // Visible locals, innermost last: a local's index, or -2 - g for the static local globals[g].
    std::vector<std::pair<std::string, std::int32_t>> scope_;
    // Hidden locals made while checking the current function (the slots struct-returning
    // calls return into), appended to its locals once its body is checked.
    std::vector<VarDecl> temps_;
    int loops_ = 0;
    int switches_ = 0;

    bool failed() const { return error_.has_value(); }
    // Lists the error being unwound, if any; false once max_compile_errors are listed
    // (the error then stays set, so that every check unwinds).
    bool go_on() {
        if (!error_) return true;
        if (errors_.size() >= max_compile_errors) return false;
        // A second error on the same line is most often the first one seen again.
        if (errors_.empty() || errors_.back().line != error_->line) errors_.push_back(*error_);
        if (errors_.size() >= max_compile_errors) return false;
        error_.reset();
        return true;
    }
    void error_at(int line, int column, const std::string& message) {
        if (!error_) error_ = Error{line, column, message};
    }
    void error_at(const Expr& e, const std::string& message) { error_at(e.line, e.column, message); }
    Expr& ex(std::int32_t i) { return p_.exprs[static_cast<std::size_t>(i)]; }
    Function& fn() { return p_.functions[static_cast<std::size_t>(fn_)]; }

    TypeId decay(TypeId t) {
        if (t_.is_array(t)) return t_.pointer_to(t_.element(t));
        return t_.is_function(t) ? t_.pointer_to(t) : t;
    }
    std::string quoted(TypeId t) const { return "'" + t_.name(t) + "'"; }

    bool is_null_constant(const Expr& e) const {
        return (e.kind == ExprKind::Number && e.value == 0 && t_.is_integer(e.type)) ||
               (e.kind == ExprKind::Cast && t_.is_pointer(e.operand_type) && p_.exprs[static_cast<std::size_t>(e.a)].kind == ExprKind::Number &&
                p_.exprs[static_cast<std::size_t>(e.a)].value == 0);
    }

    bool is_lvalue(const Expr& e) const {
        switch (e.kind) {
            case ExprKind::Name: return e.ref == RefKind::Local || e.ref == RefKind::Global;
            case ExprKind::Deref: case ExprKind::Index: case ExprKind::Arrow: case ExprKind::CompoundLiteral: return true;
            case ExprKind::Member: return is_lvalue(p_.exprs[static_cast<std::size_t>(e.a)]);
            default: return false;
        }
    }

    // Whether a value of type `from` (expression `e`) may be stored in `to`; names the problem otherwise.
    bool assignable(TypeId to, std::int32_t from_index, const std::string& what);

    // ---- declarations ----
    void check_object_size(const VarDecl& v);
    void check_array_sizes(const VarDecl& v);
    void check_initializer(VarDecl& v, bool global);

    // A struct is copied byte by byte from another struct in memory.
    void require_struct_source(TypeId target, std::int32_t source);
    void require_constant(std::int32_t i);
    bool is_arithmetic_constant(std::int32_t i) const;
    void check_global(VarDecl& v);
    void check_function(std::int32_t index);
    void check_main();

    // ---- statements ----
    void check_stmt(std::int32_t index);
    void check_condition(std::int32_t e, const char* keyword);
    void check_return(const Stmt& s);

    // ---- expressions ----
    std::vector<std::string> visible_names() const;
    void undefined(const Expr& e, const std::string& what);
    TypeId check_name(Expr& e);
    TypeId builtin_type(char letter);
    void check_arguments(const Expr& e, const std::vector<TypeId>& params, bool variadic);
    TypeId check_call(Expr& e);
    // A call returning a struct returns into a hidden local of the caller (e.temp).
    void reserve_struct_result(Expr& e, TypeId type);
    TypeId check_compound_literal(Expr& e);
    TypeId check_indirect_call(Expr& e);
    // The type of function `index` (what a pointer to it points to).
    TypeId function_type(std::int32_t index);
    // Whether `name` is a variable in scope (it hides a function of that name).
    bool names_variable(const std::string& name) const;
    TypeId check_member(Expr& e);
    TypeId require_integer(std::int32_t i, const std::string& what);
    TypeId require_arithmetic(std::int32_t i, const std::string& what);
    TypeId require_scalar(std::int32_t i, const std::string& what);
    TypeId check_modifiable(std::int32_t i, const std::string& what);
    TypeId check_pointer_step(std::int32_t i, const char* what);
    TypeId check_binary(Expr& e);

    // The type of `a op b`, or an error when the operand types do not fit the operator.
    TypeId binary_result(const Expr& e, TypeId a, TypeId b);
    TypeId pointer_arithmetic(const Expr& e, TypeId pointer);
    TypeId check_conditional(Expr& e);
    TypeId check_expr(std::int32_t i);
    TypeId compute(Expr& e);
};

}  // namespace memsim::minic::checking
