#include "checker_impl.hpp"

namespace memsim::minic::checking {

// ---- expressions ----
std::vector<std::string> Checker::visible_names() const {
    std::vector<std::string> names;
    for (const auto& [name, index] : scope_) names.push_back(name);
    for (const VarDecl& g : p_.globals) names.push_back(g.name);
    for (const Function& f : p_.functions) names.push_back(f.name);
    for (const BuiltinInfo& b : builtins()) names.push_back(b.name);
    return names;
}

void Checker::undefined(const Expr& e, const std::string& what) {
    const std::string suggestion = nearest(e.name, visible_names());
    error_at(e, what + " '" + e.name + "' is not defined" + (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
}

TypeId Checker::check_name(Expr& e) {
    for (std::size_t i = scope_.size(); i-- > 0;) {
        if (scope_[i].first == e.name && scope_[i].second <= -2) {
            e.ref = RefKind::Global;
            e.ref_index = -2 - scope_[i].second;
            return p_.globals[static_cast<std::size_t>(e.ref_index)].type;
        }
        if (scope_[i].first == e.name) {
            e.ref = RefKind::Local;
            e.ref_index = scope_[i].second;
            return fn().locals[static_cast<std::size_t>(e.ref_index)].type;
        }
    }
    for (std::size_t i = 0; i < p_.globals.size(); ++i) {
        if (p_.globals[i].owner < 0 && p_.globals[i].name == e.name) {
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
    if (const std::int32_t f = p_.find_function(e.name); f >= 0) {
        // A function's name used as a value: its address (the type decays to a pointer).
        if (p_.functions[static_cast<std::size_t>(f)].body < 0) {
            error_at(e, "function '" + e.name + "' is declared but never defined, so it has no address");
            return 0;
        }
        e.ref = RefKind::Function;
        e.ref_index = f;
        return function_type(f);
    }
    if (find_builtin(e.name)) {
        error_at(e, "the library function '" + e.name + "' cannot be used as a function pointer in MiniC; "
                    "call it from a function of your own and pass that");
        return 0;
    }
    undefined(e, "variable");
    return 0;
}

TypeId Checker::builtin_type(char letter) {
    switch (letter) {
        case 'v': return t_.void_type();
        case 'i': return t_.int_type();
        case 'u': return t_.unsigned_int_type();
        case 'l': return t_.long_type();
        case 'q': return t_.integer(TypeKind::LongLong, false);
        case 'Q': return t_.integer(TypeKind::LongLong, true);
        case 'z': return t_.unsigned_long_type();
        case 's': return t_.pointer_to(t_.char_type());
        case 'f': return t_.pointer_to(t_.find_struct("_IO_FILE"));
        case 'd': return t_.double_type();
        case 'g': return t_.float_type();
        case 'P': return t_.pointer_to(t_.pointer_to(t_.char_type()));
        case 'I': return t_.pointer_to(t_.int_type());
        case 'D': return t_.find_anonymous_struct("div_t");
        case 'L': return t_.find_anonymous_struct("ldiv_t");
        case 'M': return t_.find_anonymous_struct("lldiv_t");
        case 'F': {
            const TypeId any = t_.pointer_to(t_.void_type());
            return t_.pointer_to(t_.function_type(Signature{.returns = t_.int_type(), .params = {any, any}}));
        }
        default: return t_.pointer_to(t_.void_type());
    }
}

void Checker::check_arguments(const Expr& e, const std::vector<TypeId>& params, bool variadic) {
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
            if (!t_.is_scalar(t)) error_at(ex(e.args[i]), e.name + " takes numbers, characters and pointers, not " + quoted(t));
            continue;
        }
        assignable(params[i], e.args[i], "argument " + std::to_string(i + 1) + " of '" + e.name + "'");
        if (!failed()) require_struct_source(params[i], e.args[i]);  // a struct argument is copied from memory
    }
}

TypeId Checker::function_type(std::int32_t index) {
    const Function& f = p_.functions[static_cast<std::size_t>(index)];
    Signature sig{.returns = f.return_type};
    for (std::size_t i = 0; i < f.param_count; ++i) sig.params.push_back(f.locals[i].type);
    return t_.function_type(sig);
}

bool Checker::names_variable(const std::string& name) const {
    for (const auto& [visible, index] : scope_) {
        if (visible == name) return true;
    }
    for (const VarDecl& g : p_.globals) {
        if (g.owner < 0 && g.name == name) return true;
    }
    return false;
}

// A call through a function pointer: its type gives the parameters and the result.
TypeId Checker::check_indirect_call(Expr& e) {
    const TypeId callee = decay(check_expr(e.a));
    if (failed()) return 0;
    if (!t_.is_function_pointer(callee)) {
        error_at(e, "only functions and function pointers can be called, not " + quoted(callee));
        return 0;
    }
    const Signature sig = t_.signature_of(t_.element(callee));
    e.ref = RefKind::None;
    check_arguments(e, sig.params, sig.variadic);
    return sig.returns;
}

TypeId Checker::check_call(Expr& e) {
    if (ex(e.a).kind != ExprKind::Name || names_variable(e.name)) return check_indirect_call(e);
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
    static constexpr const char* unsupported_library[] = {"fopen", "fclose", "fread", "fwrite", "fscanf", "time", "getline", "perror", "strerror"};
    for (const char* name : unsupported_library) {
        if (e.name == name) {
            error_at(e, "the library function '" + e.name + "' is not available in MiniC");
            return 0;
        }
    }
    undefined(e, "function");
    return 0;
}

TypeId Checker::check_member(Expr& e) {
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
    error_at(e, std::string(def.is_union ? "union " : "struct ") + def.name + " has no field '" + e.name + "'" +
                    (suggestion.empty() ? "" : "; did you mean '" + suggestion + "'?"));
    return 0;
}

TypeId Checker::require_integer(std::int32_t i, const std::string& what) {
    const TypeId t = decay(check_expr(i));
    if (!failed() && !t_.is_integer(t)) error_at(ex(i), what + " needs an integer, not " + quoted(t));
    return t;
}

TypeId Checker::require_arithmetic(std::int32_t i, const std::string& what) {
    const TypeId t = decay(check_expr(i));
    if (!failed() && !t_.is_arithmetic(t)) error_at(ex(i), what + " needs a number, not " + quoted(t));
    return t;
}

TypeId Checker::require_scalar(std::int32_t i, const std::string& what) {
    const TypeId t = decay(check_expr(i));
    if (!failed() && !t_.is_scalar(t)) error_at(ex(i), what + " needs a number or a pointer, not " + quoted(t));
    return t;
}

TypeId Checker::check_modifiable(std::int32_t i, const std::string& what) {
    const TypeId t = check_expr(i);
    if (failed()) return 0;
    const Expr& e = ex(i);
    if (!is_lvalue(e)) error_at(e, what + " needs a variable, an array element, a field or *pointer on its left");
    else if (t_.is_array(t)) error_at(e, what + ": an array cannot be assigned as a whole; copy its elements (or use memcpy)");
    return t;
}

TypeId Checker::check_pointer_step(std::int32_t i, const char* what) {
    const TypeId t = check_modifiable(i, what);
    if (failed()) return 0;
    if (!t_.is_scalar(t)) error_at(ex(i), std::string(what) + " needs a number or a pointer, not " + quoted(t));
    if (t_.is_pointer(t) && !t_.is_complete(t_.element(t))) error_at(ex(i), std::string(what) + " on " + quoted(t) + " needs a complete element type");
    return t;
}

TypeId Checker::check_binary(Expr& e) {
    const TypeId a = require_scalar(e.a, std::string("'") + binary_op_spelling(e.op) + "'");
    if (failed()) return 0;
    const TypeId b = require_scalar(e.b, std::string("'") + binary_op_spelling(e.op) + "'");
    if (failed()) return 0;
    return binary_result(e, a, b);
}

// The type of `a op b`, or an error when the operand types do not fit the operator.
TypeId Checker::binary_result(const Expr& e, TypeId a, TypeId b) {
    const bool pa = t_.is_pointer(a), pb = t_.is_pointer(b);
    const std::string op = std::string("'") + binary_op_spelling(e.op) + "'";
    switch (e.op) {
        case BinaryOp::LogicalAnd: case BinaryOp::LogicalOr: return t_.int_type();
        case BinaryOp::Lt: case BinaryOp::Le: case BinaryOp::Gt: case BinaryOp::Ge:
        case BinaryOp::Eq: case BinaryOp::Ne:
            if ((pa && t_.is_floating(b)) || (pb && t_.is_floating(a))) {
                error_at(e, op + " compares a pointer with a floating-point number");
            } else if (pa != pb && !is_null_constant(ex(pa ? e.b : e.a))) {
                error_at(e, op + " compares a pointer with an integer; compare with NULL or cast");
            }
            return t_.int_type();
        case BinaryOp::Add:
            if (pa && pb) error_at(e, "two pointers cannot be added");
            if ((pa && t_.is_floating(b)) || (pb && t_.is_floating(a))) error_at(e, "a pointer moves by a whole number of elements: add an integer, not " + quoted(pa ? b : a));
            if (pa || pb) return pointer_arithmetic(e, pa ? a : b);
            return t_.common(a, b);
        case BinaryOp::Sub:
            if (pa && pb) {
                if (t_.element(a) != t_.element(b)) error_at(e, "'-' subtracts pointers of different types " + quoted(a) + " and " + quoted(b));
                if (!t_.is_complete(t_.element(a))) error_at(e, "'-' between " + quoted(a) + " pointers needs a complete element type");
                return t_.long_type();
            }
            if (pb) error_at(e, "a pointer cannot be subtracted from an integer");
            if (pa && t_.is_floating(b)) error_at(e, "a pointer moves by a whole number of elements: subtract an integer, not " + quoted(b));
            if (pa) return pointer_arithmetic(e, a);
            return t_.common(a, b);
        case BinaryOp::Shl: case BinaryOp::Shr:
            if (pa || pb) error_at(e, op + " needs integers, not pointers");
            else if (t_.is_floating(a) || t_.is_floating(b)) error_at(e, op + " needs integers, not " + quoted(t_.is_floating(a) ? a : b));
            return t_.promote(a);
        case BinaryOp::Mul: case BinaryOp::Div:
            if (pa || pb) error_at(e, op + " needs numbers, not pointers");
            return t_.common(a, b);
        default:
            if (pa || pb) error_at(e, op + " needs integers, not pointers");
            else if (t_.is_floating(a) || t_.is_floating(b)) {
                error_at(e, op + " needs integers, not " + quoted(t_.is_floating(a) ? a : b) +
                                (e.op == BinaryOp::Mod ? "; use fmod() from <math.h> for a floating remainder" : ""));
            }
            return t_.common(a, b);
    }
}

TypeId Checker::pointer_arithmetic(const Expr& e, TypeId pointer) {
    if (!t_.is_complete(t_.element(pointer))) {
        error_at(e, "pointer arithmetic on " + quoted(pointer) + " needs a complete element type (cast a void * to char * first)");
    }
    return pointer;
}

TypeId Checker::check_conditional(Expr& e) {
    require_scalar(e.a, "the condition of '?:'");
    const TypeId b = decay(check_expr(e.b));
    const TypeId c = decay(check_expr(e.c));
    if (failed()) return 0;
    if (t_.is_arithmetic(b) && t_.is_arithmetic(c)) return t_.common(b, c);
    if (t_.is_void(b) && t_.is_void(c)) return t_.void_type();  // assert's (e) ? (void)0 : __assert_fail(...)
    if (t_.is_pointer(b) && (t_.is_pointer(c) || is_null_constant(ex(e.c)))) return b;
    if (t_.is_pointer(c) && is_null_constant(ex(e.b))) return c;
    if (t_.is_struct(b) || t_.is_struct(c)) {
        error_at(e, "'?:' cannot choose between structs in MiniC; use if / else");
        return 0;
    }
    error_at(e, "the two results of '?:' have different types " + quoted(b) + " and " + quoted(c));
    return 0;
}

TypeId Checker::check_expr(std::int32_t i) {
    if (failed() || i < 0) return 0;
    Expr& e = ex(i);
    e.type = compute(e);
    if (failed()) return 0;
    return e.type;
}

void Checker::reserve_struct_result(Expr& e, TypeId type) {
    if (fn_ < 0) {
        error_at(e, "a global's initial value must be a constant (a number, a string or arithmetic on numbers)");
        return;
    }
    e.temp = static_cast<std::int32_t>(fn().locals.size() + temps_.size());
    const std::string callee = e.ref == RefKind::Function ? e.name + "()" : "the call";
    temps_.push_back(VarDecl{.name = "(result of " + callee + ", line " + std::to_string(e.line) + ")", .type = type,
                             .line = e.line, .column = e.column});
}

TypeId Checker::check_compound_literal(Expr& e) {
    if (fn_ < 0) {
        error_at(e, "a compound literal cannot initialise a global or static variable in MiniC; declare a named one");
        return 0;
    }
    check_initializer(fn().locals[static_cast<std::size_t>(e.temp)], false);
    return e.type;
}

TypeId Checker::compute(Expr& e) {
    switch (e.kind) {
        case ExprKind::Number: return e.type;
        case ExprKind::String: return t_.array_of(t_.char_type(), p_.strings[static_cast<std::size_t>(e.value)].size() + 1);
        case ExprKind::Name: return check_name(e);
        case ExprKind::Call: {
            const TypeId returns = check_call(e);
            if (!failed() && t_.is_struct(returns)) reserve_struct_result(e, returns);
            return returns;
        }
        case ExprKind::CompoundLiteral: return check_compound_literal(e);
        case ExprKind::Index: {
            const TypeId a = require_scalar(e.a, "'[]'");
            const TypeId b = require_scalar(e.b, "'[]'");
            if (failed()) return 0;
            if (t_.is_pointer(a) == t_.is_pointer(b)) {
                error_at(e, "'[]' needs an array or pointer and an integer index, not " + quoted(a) + " and " + quoted(b));
                return 0;
            }
            const TypeId p = t_.is_pointer(a) ? a : b;
            if (!t_.is_integer(t_.is_pointer(a) ? b : a)) {
                error_at(e, "an array index must be an integer, not " + quoted(t_.is_pointer(a) ? b : a));
                return 0;
            }
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
            if (t_.is_function(t)) return t_.pointer_to(t);  // &compare
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
        case ExprKind::Negate: case ExprKind::Plus:
            return t_.promote(require_arithmetic(e.a, e.kind == ExprKind::Negate ? "'-'" : "'+'"));
        case ExprKind::BitNot: return t_.promote(require_integer(e.a, "'~'"));
        case ExprKind::Not: require_scalar(e.a, "'!'"); return t_.int_type();
        case ExprKind::Cast: {
            const TypeId from = require_scalar(e.a, "a cast");
            if (failed()) return 0;
            if (!t_.is_scalar(e.operand_type) && !t_.is_void(e.operand_type)) {
                error_at(e, "cannot cast to " + quoted(e.operand_type) + ": only to numbers, pointers and void");
            } else if ((t_.is_pointer(from) && t_.is_floating(e.operand_type)) || (t_.is_floating(from) && t_.is_pointer(e.operand_type))) {
                error_at(e, "cannot cast between a pointer and a floating-point number (" + quoted(from) + " to " + quoted(e.operand_type) + ")");
            }
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
            const bool integer_only = e.op != BinaryOp::Add && e.op != BinaryOp::Sub && e.op != BinaryOp::Mul && e.op != BinaryOp::Div;
            if (t_.is_pointer(t) && e.op != BinaryOp::Add && e.op != BinaryOp::Sub) error_at(e, op + " needs integers, not pointers");
            else if (t_.is_pointer(b)) error_at(e, op + " cannot take a pointer on its right");
            else if (t_.is_pointer(t) && t_.is_floating(b)) error_at(e, op + " moves a pointer by a whole number of elements, not " + quoted(b));
            else if (integer_only && (t_.is_floating(t) || t_.is_floating(b))) error_at(e, op + " needs integers, not " + quoted(t_.is_floating(t) ? t : b));
            else if (t_.is_pointer(t)) pointer_arithmetic(e, t);
            return t;
        }
        case ExprKind::Conditional: return check_conditional(e);
        case ExprKind::Comma:
            check_expr(e.a);
            return decay(check_expr(e.b));
    }
    return 0;
}
}  // namespace memsim::minic::checking
