#include "compiler_impl.hpp"

namespace memsim::minic::compiling {

// Normalises the top value from type `from` to type `to`, when their bits differ.
void Compiler::convert(TypeId from, TypeId to) {
    if (!t_.is_scalar(to) || !t_.is_scalar(from)) return;
    if (t_.is_bool(to) && t_.is_floating(from)) {
        constant(0);
        emit(Instr{.op = Op::FNe, .size = size8(from)});
        return;
    }
    if (t_.is_floating(to) || t_.is_floating(from)) {
        if (t_.is_floating(to) && t_.is_floating(from)) {
            if (size8(to) != size8(from)) emit(Instr{.op = Op::FloatToFloat, .size = size8(to), .a = size8(from)});
        } else if (t_.is_floating(to)) {
            emit(Instr{.op = Op::IntToFloat, .size = size8(to), .flag = is_signed(from)});
        } else {
            emit(Instr{.op = Op::FloatToInt, .size = size8(to), .flag = is_signed(to), .a = size8(from)});
        }
        return;
    }
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

void Compiler::truth(std::int32_t e) {
    value(e);
    const TypeId t = ex(e).type;
    if (!t_.is_floating(t)) return;
    constant(0);
    emit(Instr{.op = Op::FNe, .size = size8(t)});
}

// Pushes the address of an lvalue (or of a string literal).
void Compiler::address(std::int32_t index) {
    const Expr& e = ex(index);
    switch (e.kind) {
        case ExprKind::Name:
            if (e.ref == RefKind::Function) emit(Op::FunctionAddr, e.ref_index);  // a function is its code
            else emit(e.ref == RefKind::Local ? Op::LocalAddr : Op::GlobalAddr, e.ref_index);
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
        case ExprKind::Call: call(e); return;      // a struct result: the address of the caller's slot
        case ExprKind::CompoundLiteral:            // initialised each time it is reached, as C does
            initialize(e.temp);
            emit(Op::LocalAddr, e.temp);
            return;
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
    scale_by(t_.element(p));
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
    if (t_.is_function(e.type)) {  // a function designator decays to its address
        address(index);
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
            const int floating = t_.is_floating(e.type) ? 4 : 0;
            emit(Instr{.op = Op::IncDec, .size = size8(e.type),
                       .flag = static_cast<std::uint8_t>(is_signed(e.type) | (post ? 2 : 0) | floating),
                       .imm = down ? -step : step});
            return;
        }
        case ExprKind::AddressOf: address(e.a); return;
        case ExprKind::Negate: case ExprKind::BitNot: case ExprKind::Plus:
            value(e.a);
            convert(ex(e.a).type, e.type);
            if (t_.is_floating(e.type)) {
                if (e.kind == ExprKind::Negate) emit(Instr{.op = Op::FNeg, .size = size8(e.type)});
                return;
            }
            if (e.kind != ExprKind::Plus) emit(e.kind == ExprKind::Negate ? Op::Neg : Op::BitNot);
            emit(Instr{.op = Op::Conv, .size = size8(e.type), .flag = is_signed(e.type)});
            return;
        case ExprKind::Not: truth(e.a); emit(Op::Not); return;
        case ExprKind::Cast:
            value(e.a);
            if (t_.is_bool(e.operand_type) || t_.is_floating(e.operand_type) || t_.is_floating(ex(e.a).type)) {
                convert(decay(ex(e.a).type), e.operand_type);
            } else if (!t_.is_void(e.operand_type)) {
                emit(Instr{.op = Op::Conv, .size = size8(e.operand_type), .flag = is_signed(e.operand_type)});
            }
            return;
        case ExprKind::SizeofType: constant(static_cast<std::int64_t>(t_.size_of(e.operand_type))); return;
        case ExprKind::SizeofExpr: type_bytes(e.operand_type); return;  // a variable-length array's at run time
        case ExprKind::Binary: binary(e); return;
        case ExprKind::Assign: assign(e); return;
        case ExprKind::CompoundAssign: compound(e); return;
        case ExprKind::Conditional: {
            truth(e.a);
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
        case ExprKind::Comma: case ExprKind::CompoundLiteral: return;  // handled above (a literal is an array or struct)
    }
}

void Compiler::call(const Expr& e) {
    if (e.ref == RefKind::Builtin) {
        const BuiltinInfo& info = builtins()[static_cast<std::size_t>(e.ref_index)];
        if (e.temp >= 0) emit(Op::LocalAddr, e.temp);  // div(): the slot its struct goes into
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            value(e.args[i]);
            const char letter = i < std::char_traits<char>::length(info.params) ? info.params[i] : 'x';
            const TypeId given = decay(ex(e.args[i]).type);
            if (letter == 'z') convert(given, t_.unsigned_long_type());
            if (letter == 'i') convert(given, t_.int_type());
            if (letter == 'u') convert(given, t_.unsigned_int_type());
            if (letter == 'l') convert(given, t_.long_type());
            if (letter == 'q' || letter == 'Q') convert(given, t_.integer(TypeKind::LongLong, letter == 'Q'));
            if (letter == 'd') convert(given, t_.double_type());
            if (letter == 'g') convert(given, t_.float_type());
            // A variadic argument: a float is passed as a double (C's default promotion).
            if (letter == 'x' && t_.is_floating(given)) convert(given, t_.double_type());
        }
        emit(Instr{.op = Op::Builtin, .a = e.ref_index, .b = static_cast<std::int32_t>(e.args.size() + (e.temp >= 0 ? 1 : 0))});
        // qsort and bsearch call the comparator as a function of the program; each call
        // returns to this Resume, which takes its result and goes on.
        if (info.id == Builtin::Qsort || info.id == Builtin::Bsearch) emit(Op::Resume);
        return;
    }
    // A struct result goes into the caller's slot, whose address is passed first.
    if (e.temp >= 0) emit(Op::LocalAddr, e.temp);
    if (e.ref == RefKind::Function) {
        const Function& f = p_.functions[static_cast<std::size_t>(e.ref_index)];
        for (std::size_t i = 0; i < e.args.size(); ++i) {
            value(e.args[i]);
            convert(decay(ex(e.args[i]).type), f.locals[i].type);
        }
        emit(Instr{.op = Op::Call, .a = e.ref_index, .b = static_cast<std::int32_t>(e.args.size())});
        return;
    }
    // Through a pointer: the arguments as its type says, then the pointer itself.
    const Signature sig = t_.signature_of(t_.element(decay(ex(e.a).type)));
    for (std::size_t i = 0; i < e.args.size(); ++i) {
        value(e.args[i]);
        const TypeId given = decay(ex(e.args[i]).type);
        if (i < sig.params.size()) convert(given, sig.params[i]);
        else if (t_.is_floating(given)) convert(given, t_.double_type());
    }
    value(e.a);
    emit(Instr{.op = Op::CallIndirect, .b = static_cast<std::int32_t>(e.args.size()),
               .imm = t_.is_struct(e.type) ? static_cast<std::int64_t>(t_.size_of(e.type)) : 0});
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

Op Compiler::floating_op(BinaryOp op) const {
    switch (op) {
        case BinaryOp::Add: return Op::FAdd;
        case BinaryOp::Sub: return Op::FSub;
        case BinaryOp::Mul: return Op::FMul;
        case BinaryOp::Div: return Op::FDiv;
        case BinaryOp::Lt: return Op::FLt;
        case BinaryOp::Le: return Op::FLe;
        case BinaryOp::Gt: return Op::FGt;
        case BinaryOp::Ge: return Op::FGe;
        case BinaryOp::Eq: return Op::FEq;
        default: return Op::FNe;  // the checker allows no other operator on floating operands
    }
}

void Compiler::binary(const Expr& e) {
    const TypeId a = decay(ex(e.a).type), b = decay(ex(e.b).type);
    if (e.op == BinaryOp::LogicalAnd || e.op == BinaryOp::LogicalOr) {
        const bool is_and = e.op == BinaryOp::LogicalAnd;
        truth(e.a);
        const std::size_t short_cut = emit(is_and ? Op::JumpIfZero : Op::JumpIfNonZero);
        truth(e.b);
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
        if (size != 1 || t_.is_variable_array(t_.element(a))) {
            type_bytes(t_.element(a));
            emit(Instr{.op = Op::Div, .flag = 1});
        }
        emit(Instr{.op = Op::Conv, .size = size8(e.type), .flag = 1});
        return;
    }
    const bool comparison = e.op >= BinaryOp::Lt;
    // Comparisons work in the common type of both operands; shifts in the left's.
    TypeId work = e.type;
    if (comparison) work = (pa || pb) ? (pa ? a : b) : t_.common(a, b);
    if (t_.is_floating(work)) {
        value(e.a);
        convert(a, work);
        value(e.b);
        convert(b, work);
        emit(Instr{.op = floating_op(e.op), .size = size8(work)});
        return;
    }
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
        scale_by(t_.element(target));
        emit(arithmetic_op(e.op));
    } else {
        const TypeId work = (e.op == BinaryOp::Shl || e.op == BinaryOp::Shr) ? t_.promote(target) : t_.common(target, b);
        convert(target, work);
        value(e.b);
        convert(b, (e.op == BinaryOp::Shl || e.op == BinaryOp::Shr) ? t_.promote(b) : work);
        if (t_.is_floating(work)) {
            emit(Instr{.op = floating_op(e.op), .size = size8(work)});
            convert(work, target);
            emit(Instr{.op = Op::Store, .size = size8(target)});
            return;
        }
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
