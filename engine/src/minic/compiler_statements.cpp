#include "compiler_impl.hpp"
#include "interpreter_floating.hpp"

#include <algorithm>

namespace memsim::minic::compiling {

// ---- globals and frames ----
GlobalImage Compiler::global_image(const VarDecl& g) {
    // The image holds the bytes up to the last initialised one; the rest is zero (bss).
    GlobalImage image;
    auto put = [&](std::uint64_t offset, TypeId type, std::int32_t init) {
        const Expr& e = ex(init);
        const auto size = static_cast<std::uint32_t>(t_.size_of(type));
        if (e.kind == ExprKind::String) {
            image.patches.push_back({.offset = offset, .size = size, .string = static_cast<std::int32_t>(e.value)});
            return;
        }
        const Expr& named = e.kind == ExprKind::AddressOf ? ex(e.a) : e;
        if (named.kind == ExprKind::Name && named.ref == RefKind::Function) {
            image.patches.push_back({.offset = offset, .size = size, .string = -1, .function = named.ref_index});
            return;
        }
        const std::uint64_t v = constant_bits(e, type);
        image.bytes.resize(std::max(image.bytes.size(), static_cast<std::size_t>(offset + size)), 0);
        for (std::uint32_t i = 0; i < size; ++i) image.bytes[static_cast<std::size_t>(offset + i)] = static_cast<std::uint8_t>(v >> (8 * i));
    };
    if (g.has_init_list) {
        const auto slots = init_slots(g.type);
        for (std::size_t i = 0; i < g.init_list.size(); ++i) put(slots[i].first, slots[i].second, g.init_list[i]);
    } else if (g.init >= 0 && t_.is_array(g.type)) {
        const std::string& s = p_.strings[static_cast<std::size_t>(ex(g.init).value)];
        image.bytes.assign(s.begin(), s.end());
    } else if (g.init >= 0) {
        put(0, g.type, g.init);
    }
    return image;
}

std::uint64_t Compiler::constant_bits(const Expr& e, TypeId target) const {
    const ConstantValue v = constant_value(e);
    if (t_.is_floating(target)) {
        const double d = v.floating ? v.real : (v.is_unsigned ? static_cast<double>(v.bits) : static_cast<double>(static_cast<std::int64_t>(v.bits)));
        if (t_.get(target).kind == TypeKind::Float) {
            // An integer becomes a float in one rounding, as C converts it (not through double).
            if (!v.floating) return float_bits(v.is_unsigned ? static_cast<float>(v.bits) : static_cast<float>(static_cast<std::int64_t>(v.bits)));
            return float_bits(static_cast<float>(d));
        }
        return double_bits(d);
    }
    if (v.floating) return float_to_integer(v.real, static_cast<std::uint8_t>(t_.size_of(target)), !t_.is_unsigned(target));
    return v.bits;
}

// `a op b` of constants, computed in the operation's type as the program would.
Compiler::ConstantValue Compiler::constant_binary(const Expr& e) const {
    const TypeId a = ex(e.a).type, b = ex(e.b).type;
    const bool comparison = e.op >= BinaryOp::Lt;
    const TypeId work = comparison ? t_.common(a, b) : (e.op == BinaryOp::Shl || e.op == BinaryOp::Shr ? t_.promote(a) : e.type);
    const std::uint64_t x = constant_bits(ex(e.a), work), y = constant_bits(ex(e.b), work);
    std::vector<std::uint64_t> stack{x, y};
    const bool floating = t_.is_floating(work);
    if (floating) {
        run_floating(Instr{.op = floating_op(e.op), .size = size8(work)}, stack);
    } else {
        const bool s = is_signed(work) != 0;
        const auto sx = static_cast<std::int64_t>(x), sy = static_cast<std::int64_t>(y);
        std::uint64_t r = 0;
        switch (e.op) {
            case BinaryOp::Add: r = x + y; break;
            case BinaryOp::Sub: r = x - y; break;
            case BinaryOp::Mul: r = x * y; break;
            case BinaryOp::Div: r = y == 0 ? 0 : (s ? (sy == -1 ? 0 - x : static_cast<std::uint64_t>(sx / sy)) : x / y); break;
            case BinaryOp::Mod: r = y == 0 ? 0 : (s ? (sy == -1 ? 0 : static_cast<std::uint64_t>(sx % sy)) : x % y); break;
            case BinaryOp::Shl: r = x << (y & 63); break;
            case BinaryOp::Shr: r = s ? static_cast<std::uint64_t>(sx >> (y & 63)) : x >> (y & 63); break;
            case BinaryOp::BitAnd: r = x & y; break;
            case BinaryOp::BitOr: r = x | y; break;
            case BinaryOp::BitXor: r = x ^ y; break;
            case BinaryOp::Lt: r = s ? sx < sy : x < y; break;
            case BinaryOp::Gt: r = s ? sx > sy : x > y; break;
            case BinaryOp::Le: r = s ? sx <= sy : x <= y; break;
            case BinaryOp::Ge: r = s ? sx >= sy : x >= y; break;
            case BinaryOp::Eq: r = x == y; break;
            case BinaryOp::Ne: r = x != y; break;
            default: break;
        }
        stack = {comparison ? r : normalize_integer(r, size8(work), s)};
    }
    if (comparison) return {.bits = stack.back()};
    if (t_.get(work).kind == TypeKind::Float) return {.floating = true, .real = bits_float(stack.back())};
    if (t_.get(work).kind == TypeKind::Double) return {.floating = true, .real = bits_double(stack.back())};
    return {.bits = stack.back(), .is_unsigned = t_.is_unsigned(work)};
}

Compiler::ConstantValue Compiler::constant_value(const Expr& e) const {
    switch (e.kind) {
        case ExprKind::Number:
            if (t_.get(e.type).kind == TypeKind::Float) return {.floating = true, .real = bits_float(e.value)};
            if (t_.get(e.type).kind == TypeKind::Double) return {.floating = true, .real = bits_double(e.value)};
            return {.bits = e.value, .is_unsigned = t_.is_unsigned(e.type)};
        case ExprKind::SizeofType: case ExprKind::SizeofExpr: return {.bits = t_.size_of(e.operand_type), .is_unsigned = true};
        case ExprKind::Negate: {
            ConstantValue v = constant_value(ex(e.a));
            if (v.floating) v.real = -v.real;
            else v.bits = 0 - v.bits;
            return v;
        }
        case ExprKind::Plus: return constant_value(ex(e.a));
        case ExprKind::BitNot: {
            ConstantValue v = constant_value(ex(e.a));
            v.bits = normalize_integer(~v.bits, size8(e.type), is_signed(e.type) != 0);
            return v;
        }
        case ExprKind::Binary: return constant_binary(e);
        case ExprKind::Cast: {
            const std::uint64_t bits = constant_bits(ex(e.a), e.operand_type);
            if (t_.get(e.operand_type).kind == TypeKind::Float) return {.floating = true, .real = bits_float(bits)};
            if (t_.get(e.operand_type).kind == TypeKind::Double) return {.floating = true, .real = bits_double(bits)};
            return {.bits = bits, .is_unsigned = t_.is_unsigned(e.operand_type)};
        }
        default: return {};
    }
}

// Offsets and types of the scalars an initializer list fills, in order.
std::vector<std::pair<std::uint64_t, TypeId>> Compiler::init_slots(TypeId type) const { return t_.scalar_slots(type); }

stack::Variable Compiler::slot(const VarDecl& v) const {
    // A local of 4 GiB or more keeps a size larger than any stack (1 GiB at most) instead
    // of wrapping to a few bytes in 32 bits: the call then overflows the stack.
    const std::uint64_t bytes = std::min<std::uint64_t>(t_.size_of(v.type), 0xFFFFFFF0u);
    return stack::Variable{.name = v.name, .size = static_cast<std::uint32_t>(bytes),
                           .align = t_.is_array(v.type) ? 0u : static_cast<std::uint32_t>(t_.align_of(v.type))};
}

void Compiler::function(std::int32_t index) {
    fn_ = index;
    const Function& f = p_.functions[static_cast<std::size_t>(index)];
    CompiledFunction& cf = out_.functions[static_cast<std::size_t>(index)];
    for (std::size_t i = 0; i < f.locals.size(); ++i) {
        const bool variable = t_.is_variable_array(f.locals[i].type);
        cf.variable_arrays.push_back(variable);
        if (!variable) (i < f.param_count ? cf.params : cf.locals).push_back(slot(f.locals[i]));
        if (i < f.param_count) cf.struct_copies.push_back(t_.is_struct(f.locals[i].type) ? t_.size_of(f.locals[i].type) : 0);
    }
    has_variable_arrays_ = std::find(cf.variable_arrays.begin(), cf.variable_arrays.end(), true) != cf.variable_arrays.end();
    cf.returns_value = !t_.is_void(f.return_type);
    const bool returns_struct = t_.is_struct(f.return_type);
    cf.return_struct = returns_struct ? t_.size_of(f.return_type) : 0;
    cf.return_size = returns_struct ? static_cast<std::uint8_t>(t_.pointer_size()) : size8(f.return_type);
    cf.return_signed = !returns_struct && is_signed(f.return_type) != 0;
    cf.entry = static_cast<std::uint32_t>(here());
    if (f.body < 0) return;
    goto_labels_.clear();
    gotos_.clear();
    statement(f.body);
    for (const auto& [label, jump] : gotos_) {
        for (const auto& [name, target] : goto_labels_) {
            if (name == label) out_.code[jump].a = static_cast<std::int32_t>(target);
        }
    }
    // Falling off the end returns (0 for main, as C99 says; garbage elsewhere in C: a
    // struct result is then whatever the caller's slot held).
    const bool falls_with_value = cf.returns_value && !returns_struct;
    if (falls_with_value) constant(0);
    emit(Instr{.op = Op::Ret, .flag = static_cast<std::uint8_t>(falls_with_value ? 1 : 0)});
}

void Compiler::statement(std::int32_t index) {
    if (index < 0) return;
    const Stmt& s = st(index);
    switch (s.kind) {
        case StmtKind::Block:
            array_scopes_.emplace_back();
            for (std::int32_t child : s.children) statement(child);
            release_arrays(array_scopes_.size() - 1);
            array_scopes_.pop_back();
            break;
        case StmtKind::Group:
            for (std::int32_t child : s.children) statement(child);
            break;
        case StmtKind::Decl: declaration(s); break;
        case StmtKind::Expr:
            mark(s.line);
            discard(s.expr);
            break;
        case StmtKind::If: {
            mark(s.line);
            truth(s.expr);
            const std::size_t to_else = emit(Op::JumpIfZero);
            statement(s.body);
            if (s.else_body >= 0) {
                const std::size_t to_end = emit(Op::Jump);
                patch(to_else);
                statement(s.else_body);
                patch(to_end);
            } else {
                patch(to_else);
            }
            break;
        }
        case StmtKind::While: {
            const std::size_t top = here();
            mark(s.line);
            truth(s.expr);
            const std::size_t to_end = emit(Op::JumpIfZero);
            loop_body(s.body, top);
            emit(Op::Jump, static_cast<std::int32_t>(top));
            patch(to_end);
            finish_loop();
            break;
        }
        case StmtKind::DoWhile: {
            const std::size_t top = here();
            begin_loop();
            statement(s.body);
            const std::size_t condition = here();
            patch_continues(condition);
            mark(ex(s.expr).line);
            truth(s.expr);
            emit(Op::JumpIfNonZero, static_cast<std::int32_t>(top));
            finish_loop();
            break;
        }
        case StmtKind::For: for_loop(s); break;
        case StmtKind::Break:
            mark(s.line);
            release_arrays(break_scopes_.back());
            breaks_.push_back(emit(Op::Jump));
            break;
        case StmtKind::Continue:
            mark(s.line);
            release_arrays(continue_scopes_.back());
            continues_.push_back(emit(Op::Jump));
            break;
        case StmtKind::Return: {
            mark(s.line);
            const Function& f = p_.functions[static_cast<std::size_t>(fn_)];
            if (s.expr >= 0) {
                value(s.expr);
                convert(decay(ex(s.expr).type), f.return_type);
            }
            emit(Instr{.op = Op::Ret, .flag = static_cast<std::uint8_t>(s.expr >= 0 ? 1 : 0)});
            break;
        }
        case StmtKind::Empty: mark(s.line); break;
        case StmtKind::Switch: switch_statement(s); break;
        case StmtKind::Label: {
            goto_labels_.emplace_back(s.label, here());
            std::size_t in_scope = 0;
            for (const auto& scope : array_scopes_) in_scope += scope.size();
            if (has_variable_arrays_) emit(Op::ArrayKeep, static_cast<std::int32_t>(in_scope));
            statement(s.body);
            break;
        }
        case StmtKind::Goto:
            mark(s.line);
            gotos_.emplace_back(s.label, emit(Op::Jump));
            break;
        case StmtKind::Case:
        case StmtKind::Default:
            for (auto& [label, jump] : label_jumps_) {
                if (label == index) out_.code[jump].a = static_cast<std::int32_t>(here());
            }
            std::erase_if(label_jumps_, [&](const auto& j) { return j.first == index; });
            break;
    }
}

void Compiler::patch_continues(std::size_t target) {
    for (std::size_t i = continue_marks_.back(); i < continues_.size(); ++i) {
        out_.code[continues_[i]].a = static_cast<std::int32_t>(target);
    }
    continues_.resize(continue_marks_.back());
}

// Patches the loop's breaks to jump here and forgets them.
void Compiler::finish_loop() {
    for (std::size_t i = break_marks_.back(); i < breaks_.size(); ++i) patch(breaks_[i]);
    breaks_.resize(break_marks_.back());
    break_marks_.pop_back();
    continue_marks_.pop_back();
    break_scopes_.pop_back();
    continue_scopes_.pop_back();
}

void Compiler::release_arrays(std::size_t first_scope) {
    for (std::size_t scope = array_scopes_.size(); scope-- > first_scope;) {
        const std::vector<std::int32_t>& arrays = array_scopes_[scope];
        for (auto it = arrays.rbegin(); it != arrays.rend(); ++it) emit(Op::ArrayPop, *it);
    }
}

void Compiler::loop_body(std::int32_t body, std::size_t continue_target) {
    begin_loop();
    statement(body);
    patch_continues(continue_target);
}

// for (init; cond; step) body: the step and the next test are one step, at the for line.
void Compiler::for_loop(const Stmt& s) {
    statement(s.init);
    mark(s.line);
    const std::size_t test = here();
    std::optional<std::size_t> to_end;
    if (s.expr >= 0) {
        truth(s.expr);
        to_end = emit(Op::JumpIfZero);
    }
    begin_loop();
    statement(s.body);
    patch_continues(here());
    mark(s.line);
    if (s.step >= 0) discard(s.step);
    emit(Op::Jump, static_cast<std::int32_t>(test));
    if (to_end) patch(*to_end);
    finish_loop();
}

void Compiler::switch_statement(const Stmt& s) {
    mark(s.line);
    const TypeId from = decay(ex(s.expr).type), type = t_.promote(from);
    value(s.expr);
    convert(from, type);
    std::vector<std::pair<std::int32_t, std::size_t>> matches;  // case label, its JumpIfNonZero
    std::int32_t default_label = -1;
    for (std::int32_t label : s.children) {
        const Stmt& l = st(label);
        if (l.kind == StmtKind::Default) {
            default_label = label;
            continue;
        }
        // The case value converted to the promoted type of the switch value, as C compares them.
        const std::uint64_t bits = static_cast<std::uint64_t>(l.value);
        const std::uint64_t size = t_.size_of(type);
        std::int64_t v = l.value;
        if (size < 8) {
            const std::uint64_t low = bits & ((1ull << (8 * size)) - 1);
            const std::uint64_t sign = 1ull << (8 * size - 1);
            v = t_.is_unsigned(type) ? static_cast<std::int64_t>(low) : static_cast<std::int64_t>((low ^ sign) - sign);
        }
        emit(Op::Dup);
        constant(v);
        emit(Instr{.op = Op::Eq, .size = size8(type), .flag = is_signed(type)});
        matches.emplace_back(label, emit(Op::JumpIfNonZero));
    }
    const auto note_choice = [&](std::int32_t label) {
        emit(Instr{.op = Op::SwitchCase, .size = size8(type), .flag = is_signed(type), .a = label, .b = t_.size_of(from) == 1 && !t_.is_bool(from) ? 1 : 0});
    };
    note_choice(default_label);
    emit(Op::Pop);
    const std::size_t no_match = emit(Op::Jump);
    for (const auto& [label, jump] : matches) {
        patch(jump);
        note_choice(label);
        emit(Op::Pop);
        label_jumps_.emplace_back(label, emit(Op::Jump));
    }
    if (default_label >= 0) label_jumps_.emplace_back(default_label, no_match);
    break_marks_.push_back(breaks_.size());
    break_scopes_.push_back(array_scopes_.size());
    statement(s.body);
    if (default_label < 0) patch(no_match);
    for (std::size_t i = break_marks_.back(); i < breaks_.size(); ++i) patch(breaks_[i]);
    breaks_.resize(break_marks_.back());
    break_marks_.pop_back();
    break_scopes_.pop_back();
}

void Compiler::declaration(const Stmt& s) {
    if (s.is_static) return;  // placed and initialised with the globals
    const VarDecl& v = p_.functions[static_cast<std::size_t>(fn_)].locals[static_cast<std::size_t>(s.var)];
    if (t_.is_variable_array(v.type)) {
        mark(s.line);
        push_array(s.var);
        return;
    }
    if (v.init < 0 && !v.has_init_list) return;
    mark(s.line);
    initialize(s.var);
}

void Compiler::push_array(std::int32_t var) {
    // The sizes, outermost first, each as a long (C evaluates them when the declaration runs).
    TypeId t = p_.functions[static_cast<std::size_t>(fn_)].locals[static_cast<std::size_t>(var)].type;
    std::int32_t dims = 0;
    for (; t_.is_variable_array(t); t = t_.element(t), ++dims) {
        const std::int32_t size = t_.variable_array(t).size_expr;
        value(size);
        convert(decay(ex(size).type), t_.long_type());
    }
    emit(Instr{.op = Op::ArrayPush, .a = var, .b = dims, .imm = static_cast<std::int64_t>(t_.size_of(t))});
    MEMSIM_ASSERT(!array_scopes_.empty());
    array_scopes_.back().push_back(var);
}

// Stores the initializer of local `var` (a list, a string for a char array, or a value).
void Compiler::initialize(std::int32_t var) {
    const VarDecl& v = p_.functions[static_cast<std::size_t>(fn_)].locals[static_cast<std::size_t>(var)];
    if (v.has_init_list) {
        const auto slots = init_slots(v.type);
        for (std::size_t i = 0; i < slots.size(); ++i) {
            store_at(var, slots[i].first, slots[i].second, i < v.init_list.size() ? v.init_list[i] : -1);
        }
        return;
    }
    const Expr& init = ex(v.init);
    if (t_.is_array(v.type)) {  // char s[] = "text": each byte, then zeros to the end
        const std::string& text = p_.strings[static_cast<std::size_t>(init.value)];
        const TypeId c = t_.char_type();
        for (std::uint64_t i = 0; i < t_.get(v.type).count; ++i) {
            emit(Op::LocalAddr, var);
            constant(static_cast<std::int64_t>(i));
            emit(Op::Add);
            constant(i < text.size() ? static_cast<signed char>(text[static_cast<std::size_t>(i)]) : 0);
            emit(Instr{.op = Op::Store, .size = size8(c)});
            emit(Op::Pop);
        }
        return;
    }
    store_at(var, 0, v.type, v.init);
}

// local[offset] = init (or 0 when init is -1), for a scalar or struct of `type`.
void Compiler::store_at(std::int32_t local, std::uint64_t offset, TypeId type, std::int32_t init) {
    emit(Op::LocalAddr, local);
    if (offset != 0) {
        constant(static_cast<std::int64_t>(offset));
        emit(Op::Add);
    }
    if (t_.is_struct(type)) {
        address(init);
        emit(Instr{.op = Op::Copy, .imm = static_cast<std::int64_t>(t_.size_of(type))});
    } else if (init < 0) {
        constant(0);
        emit(Instr{.op = Op::Store, .size = size8(type)});
    } else {
        value(init);
        convert(decay(ex(init).type), type);
        emit(Instr{.op = Op::Store, .size = size8(type), .b = pointer_type_tag(type)});
    }
    emit(Op::Pop);
}
}  // namespace memsim::minic::compiling
