#include "compiler_impl.hpp"

namespace memsim::minic::compiling {

// Normalises the top value from type `from` to type `to`, when their bits differ.
void Compiler::convert(TypeId from, TypeId to) {
    if (!t_.is_scalar(to) || !t_.is_scalar(from)) return;
    if (t_.is_bool(to)) {  // any non-zero value becomes 1
        if (!t_.is_bool(from)) {
            constant(0);
            emit(Op::Ne);
        }
        return;
    }
    const std::uint64_t fs = t_.size_of(from), ts = t_.size_of(to);
    const bool fu = t_.is_unsigned(from), tu = t_.is_unsigned(to);
    const bool needed = ts < fs || (!fu && tu && ts < 8) || (fu != tu && fs == ts && ts < 8);
    if (needed) emit(Instr{.op = Op::Conv, .size = size8(to), .flag = is_signed(to)});
}

// Pushes the address of an lvalue (or of a string literal).
void Compiler::address(std::int32_t index) {
    const Expr& e = ex(index);
    switch (e.kind) {
        case ExprKind::Name:
            emit(e.ref == RefKind::Local ? Op::LocalAddr : Op::GlobalAddr, e.ref_index);
            return;
        case ExprKind::String: emit(Op::StringAddr, static_cast<std::int32_t>(e.value)); return;
        case ExprKind::Deref: value(e.a); return;
        case ExprKind::Index: {
            const bool a_is_pointer = t_.is_pointer(decay(ex(e.a).type));
            pointer_plus(a_is_pointer ? e.a : e.b, a_is_pointer ? e.b : e.a, Op::Add);
            return;
        }
        case ExprKind::Member:
        case ExprKind::Arrow:
            if (e.kind == ExprKind::Member) address(e.a);
            else value(e.a);
            if (e.field_offset != 0) {
                constant(static_cast<std::int64_t>(e.field_offset));
                emit(Op::Add);
            }
            return;
        case ExprKind::Assign: assign(e); return;  // a struct assignment leaves the target's address
        case ExprKind::Comma:
            discard(e.a);
            address(e.b);
            return;
        default:
            // Struct values only come from lvalues (the checker refuses the rest).
            MEMSIM_ASSERT(false);
    }
}

// pointer op integer, scaled by the element size.
void Compiler::pointer_plus(std::int32_t pointer, std::int32_t integer, Op op) {
    const TypeId p = decay(ex(pointer).type);
    value(pointer);
    value(integer);
    convert(decay(ex(integer).type), t_.long_type());
    scale(t_.size_of(t_.element(p)));
    emit(op);
    emit(Instr{.op = Op::Conv, .size = size8(p), .flag = 0});
}

// Pushes the value of an expression (arrays and strings: their address; structs: their address).
void Compiler::value(std::int32_t index) {
    const Expr& e = ex(index);
    if (e.kind == ExprKind::Comma) {
        discard(e.a);
        value(e.b);
        return;
    }
    if (t_.is_array(e.type) || t_.is_struct(e.type)) {
        if (e.kind == ExprKind::Call) {
            call(e);
            return;
        }
        address(index);
        return;
    }
    switch (e.kind) {
        case ExprKind::Number: constant(static_cast<std::int64_t>(e.value)); return;
        case ExprKind::String: address(index); return;
        case ExprKind::Name: case ExprKind::Index: case ExprKind::Member: case ExprKind::Arrow: case ExprKind::Deref:
            address(index);
            load(e.type);
            return;
        case ExprKind::Call: call(e); return;
        case ExprKind::PostInc: case ExprKind::PostDec: case ExprKind::PreInc: case ExprKind::PreDec: {
            address(e.a);
            const std::int64_t step = t_.is_pointer(e.type) ? static_cast<std::int64_t>(t_.size_of(t_.element(e.type))) : 1;
            const bool down = e.kind == ExprKind::PostDec || e.kind == ExprKind::PreDec;
            const bool post = e.kind == ExprKind::PostInc || e.kind == ExprKind::PostDec;
            emit(Instr{.op = Op::IncDec, .size = size8(e.type),
                       .flag = static_cast<std::uint8_t>(is_signed(e.type) | (post ? 2 : 0)),
                       .imm = down ? -step : step});
            return;
        }
        case ExprKind::AddressOf: address(e.a); return;
        case ExprKind::Negate: case ExprKind::BitNot: case ExprKind::Plus:
            value(e.a);
            convert(ex(e.a).type, e.type);
            if (e.kind != ExprKind::Plus) emit(e.kind == ExprKind::Negate ? Op::Neg : Op::BitNot);
            emit(Instr{.op = Op::Conv, .size = size8(e.type), .flag = is_signed(e.type)});
            return;
        case ExprKind::Not: value(e.a); emit(Op::Not); return;
        case ExprKind::Cast:
            value(e.a);
            if (t_.is_bool(e.operand_type)) {
                convert(decay(ex(e.a).type), e.operand_type);
            } else if (!t_.is_void(e.operand_type)) {
                emit(Instr{.op = Op::Conv, .size = size8(e.operand_type), .flag = is_signed(e.operand_type)});
            }
            return;
        case ExprKind::SizeofType: constant(static_cast<std::int64_t>(t_.size_of(e.operand_type))); return;
        case ExprKind::SizeofExpr: constant(static_cast<std::int64_t>(t_.size_of(e.operand_type))); return;
        case ExprKind::Binary: binary(e); return;
        case ExprKind::Assign: assign(e); return;
        case ExprKind::CompoundAssign: compound(e); return;
        case ExprKind::Conditional: {
            value(e.a);
            const std::size_t to_else = emit(Op::JumpIfZero);
            value(e.b);
            convert(decay(ex(e.b).type), e.type);
            const std::size_t to_end = emit(Op::Jump);
            patch(to_else);
            value(e.c);
            convert(decay(ex(e.c).type), e.type);
            patch(to_end);
            return;
        }
        case ExprKind::Comma: return;  // handled above
    }
}

void Compiler::call(const Expr& e) {
    if (e.ref == RefKind::Builtin) {
        const BuiltinInfo& info = builtins()[static_cast<std::size_t>(e.ref_index)];
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            value(e.args[i]);
            const char letter = i < std::char_traits<char>::length(info.params) ? info.params[i] : 'x';
            if (letter == 'z') convert(decay(ex(e.args[i]).type), t_.unsigned_long_type());
            if (letter == 'i') convert(decay(ex(e.args[i]).type), t_.int_type());
        }
        emit(Instr{.op = Op::Builtin, .a = e.ref_index, .b = static_cast<std::int32_t>(e.args.size())});
        return;
    }
    const Function& f = p_.functions[static_cast<std::size_t>(e.ref_index)];
    for (std::size_t i = 0; i < e.args.size(); ++i) {
        value(e.args[i]);
        convert(decay(ex(e.args[i]).type), f.locals[i].type);
    }
    emit(Instr{.op = Op::Call, .a = e.ref_index, .b = static_cast<std::int32_t>(e.args.size())});
}

Op Compiler::arithmetic_op(BinaryOp op) const {
    switch (op) {
        case BinaryOp::Add: return Op::Add;
        case BinaryOp::Sub: return Op::Sub;
        case BinaryOp::Mul: return Op::Mul;
        case BinaryOp::Div: return Op::Div;
        case BinaryOp::Mod: return Op::Mod;
        case BinaryOp::Shl: return Op::Shl;
        case BinaryOp::Shr: return Op::Shr;
        case BinaryOp::BitAnd: return Op::BitAnd;
        case BinaryOp::BitOr: return Op::BitOr;
        case BinaryOp::BitXor: return Op::BitXor;
        case BinaryOp::Lt: return Op::Lt;
        case BinaryOp::Le: return Op::Le;
        case BinaryOp::Gt: return Op::Gt;
        case BinaryOp::Ge: return Op::Ge;
        case BinaryOp::Eq: return Op::Eq;
        case BinaryOp::Ne: return Op::Ne;
        default: return Op::Add;
    }
}

void Compiler::binary(const Expr& e) {
    const TypeId a = decay(ex(e.a).type), b = decay(ex(e.b).type);
    if (e.op == BinaryOp::LogicalAnd || e.op == BinaryOp::LogicalOr) {
        const bool is_and = e.op == BinaryOp::LogicalAnd;
        value(e.a);
        const std::size_t short_cut = emit(is_and ? Op::JumpIfZero : Op::JumpIfNonZero);
        value(e.b);
        const std::size_t short_cut2 = emit(is_and ? Op::JumpIfZero : Op::JumpIfNonZero);
        constant(is_and ? 1 : 0);
        const std::size_t to_end = emit(Op::Jump);
        patch(short_cut);
        patch(short_cut2);
        constant(is_and ? 0 : 1);
        patch(to_end);
        return;
    }
    const bool pa = t_.is_pointer(a), pb = t_.is_pointer(b);
    if ((e.op == BinaryOp::Add || e.op == BinaryOp::Sub) && (pa != pb)) {
        pointer_plus(pa ? e.a : e.b, pa ? e.b : e.a, arithmetic_op(e.op));
        return;
    }
    if (e.op == BinaryOp::Sub && pa && pb) {  // (p - q) / element size, a long
        value(e.a);
        value(e.b);
        emit(Op::Sub);
        emit(Instr{.op = Op::Conv, .size = size8(a), .flag = 1});
        const std::uint64_t size = t_.size_of(t_.element(a));
        if (size != 1) {
            constant(static_cast<std::int64_t>(size));
            emit(Instr{.op = Op::Div, .flag = 1});
        }
        emit(Instr{.op = Op::Conv, .size = size8(e.type), .flag = 1});
        return;
    }
    const bool comparison = e.op >= BinaryOp::Lt;
    // Comparisons work in the common type of both operands; shifts in the left's.
    TypeId work = e.type;
    if (comparison) work = (pa || pb) ? (pa ? a : b) : t_.common(a, b);
    const TypeId right_type = (e.op == BinaryOp::Shl || e.op == BinaryOp::Shr) ? t_.promote(b) : work;
    value(e.a);
    convert(a, work);
    value(e.b);
    convert(b, right_type);
    emit(Instr{.op = arithmetic_op(e.op), .size = size8(work), .flag = is_signed(work)});
    if (!comparison) emit(Instr{.op = Op::Conv, .size = size8(e.type), .flag = is_signed(e.type)});
}

void Compiler::assign(const Expr& e) {
    address(e.a);
    if (t_.is_struct(e.type)) {
        address(e.b);
        emit(Instr{.op = Op::Copy, .imm = static_cast<std::int64_t>(t_.size_of(e.type))});
        return;
    }
    value(e.b);
    convert(decay(ex(e.b).type), e.type);
    emit(Instr{.op = Op::Store, .size = size8(e.type), .b = pointer_type_tag(e.type)});
}

void Compiler::compound(const Expr& e) {
    const TypeId target = e.type, b = decay(ex(e.b).type);
    address(e.a);
    emit(Op::Dup);
    load(target);
    if (t_.is_pointer(target)) {
        value(e.b);
        convert(b, t_.long_type());
        scale(t_.size_of(t_.element(target)));
        emit(arithmetic_op(e.op));
    } else {
        const TypeId work = (e.op == BinaryOp::Shl || e.op == BinaryOp::Shr) ? t_.promote(target) : t_.common(target, b);
        convert(target, work);
        value(e.b);
        convert(b, (e.op == BinaryOp::Shl || e.op == BinaryOp::Shr) ? t_.promote(b) : work);
        emit(Instr{.op = arithmetic_op(e.op), .size = size8(work), .flag = is_signed(work)});
    }
    if (t_.is_bool(target)) {
        constant(0);
        emit(Op::Ne);
    } else {
        emit(Instr{.op = Op::Conv, .size = size8(target), .flag = is_signed(target)});
    }
    emit(Instr{.op = Op::Store, .size = size8(target)});
}
}  // namespace memsim::minic::compiling
