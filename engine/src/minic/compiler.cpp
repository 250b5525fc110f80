// Turns a checked Program into stack-machine code (see code.hpp). Expressions compile
// recursively; the parser bounds their depth, so this recursion is bounded too.
#include <optional>

#include "memsim/core/assert.hpp"
#include "memsim/minic/checker.hpp"
#include "memsim/minic/code.hpp"
#include "memsim/minic/library.hpp"
#include "memsim/minic/parser.hpp"

namespace memsim::minic {
namespace {

class Compiler {
public:
    explicit Compiler(CompiledProgram& out) : out_(out), p_(out.program), t_(out.program.types) {}

    void run() {
        out_.main = p_.find_function("main");
        for (const VarDecl& g : p_.globals) out_.globals.push_back(global_image(g));
        out_.functions.resize(p_.functions.size());
        for (std::size_t i = 0; i < p_.functions.size(); ++i) function(static_cast<std::int32_t>(i));
    }

private:
    CompiledProgram& out_;
    const Program& p_;
    TypeTable& t_;  // the compiler adds decayed pointer types
    std::int32_t fn_ = -1;
    std::vector<std::size_t> breaks_, continues_;       // jumps to patch
    std::vector<std::size_t> break_marks_, continue_marks_;

    const Expr& ex(std::int32_t i) const { return p_.exprs[static_cast<std::size_t>(i)]; }
    const Stmt& st(std::int32_t i) const { return p_.stmts[static_cast<std::size_t>(i)]; }
    std::size_t here() const { return out_.code.size(); }
    std::size_t emit(Instr in) {
        out_.code.push_back(in);
        return out_.code.size() - 1;
    }
    std::size_t emit(Op op, std::int32_t a = 0) { return emit(Instr{.op = op, .a = a}); }
    void constant(std::int64_t v) { emit(Instr{.op = Op::Const, .imm = v}); }
    void patch(std::size_t at) { out_.code[at].a = static_cast<std::int32_t>(here()); }
    std::uint8_t size8(TypeId t) const { return static_cast<std::uint8_t>(t_.size_of(t)); }
    std::uint8_t is_signed(TypeId t) const { return t_.is_unsigned(t) ? 0 : 1; }
    TypeId decay(TypeId t) { return t_.is_array(t) ? t_.pointer_to(t_.element(t)) : t; }

    // Normalises the top value from type `from` to type `to`, when their bits differ.
    void convert(TypeId from, TypeId to) {
        if (!t_.is_scalar(to) || !t_.is_scalar(from)) return;
        const std::uint64_t fs = t_.size_of(from), ts = t_.size_of(to);
        const bool fu = t_.is_unsigned(from), tu = t_.is_unsigned(to);
        const bool needed = ts < fs || (!fu && tu && ts < 8) || (fu != tu && fs == ts && ts < 8);
        if (needed) emit(Instr{.op = Op::Conv, .size = size8(to), .flag = is_signed(to)});
    }

    // ---- globals and frames ----
    GlobalImage global_image(const VarDecl& g) {
        GlobalImage image;
        image.bytes.assign(static_cast<std::size_t>(t_.size_of(g.type)), 0);
        auto put = [&](std::uint64_t offset, TypeId type, std::int32_t init) {
            const Expr& e = ex(init);
            const auto size = static_cast<std::uint32_t>(t_.size_of(type));
            if (e.kind == ExprKind::String) {
                image.patches.push_back({offset, size, static_cast<std::int32_t>(e.value)});
                return;
            }
            std::uint64_t v = constant_value(e);
            for (std::uint32_t i = 0; i < size; ++i) image.bytes[static_cast<std::size_t>(offset + i)] = static_cast<std::uint8_t>(v >> (8 * i));
        };
        if (g.has_init_list) {
            const auto slots = init_slots(g.type);
            for (std::size_t i = 0; i < g.init_list.size(); ++i) put(slots[i].first, slots[i].second, g.init_list[i]);
        } else if (g.init >= 0 && t_.is_array(g.type)) {
            const std::string& s = p_.strings[static_cast<std::size_t>(ex(g.init).value)];
            for (std::size_t i = 0; i < s.size(); ++i) image.bytes[i] = static_cast<std::uint8_t>(s[i]);
        } else if (g.init >= 0) {
            put(0, g.type, g.init);
        }
        return image;
    }

    std::uint64_t constant_value(const Expr& e) const {
        switch (e.kind) {
            case ExprKind::Number: return e.value;
            case ExprKind::SizeofType: return t_.size_of(e.operand_type);
            case ExprKind::Negate: return 0 - constant_value(ex(e.a));
            case ExprKind::Cast: return constant_value(ex(e.a));
            default: return 0;
        }
    }

    // Offsets and types of the scalars an initializer list fills, in order.
    std::vector<std::pair<std::uint64_t, TypeId>> init_slots(TypeId type) const {
        std::vector<std::pair<std::uint64_t, TypeId>> slots;
        if (t_.is_array(type)) {
            TypeId e = type;
            while (t_.is_array(e)) e = t_.element(e);
            for (std::uint64_t i = 0; i < t_.size_of(type) / t_.size_of(e); ++i) slots.emplace_back(i * t_.size_of(e), e);
        } else {
            for (const Field& f : t_.struct_of(type).fields) slots.emplace_back(f.offset, f.type);
        }
        return slots;
    }

    stack::Variable slot(const VarDecl& v) const {
        return stack::Variable{.name = v.name, .size = static_cast<std::uint32_t>(t_.size_of(v.type)),
                               .align = t_.is_array(v.type) ? 0u : static_cast<std::uint32_t>(t_.align_of(v.type))};
    }

    void function(std::int32_t index) {
        fn_ = index;
        const Function& f = p_.functions[static_cast<std::size_t>(index)];
        CompiledFunction& cf = out_.functions[static_cast<std::size_t>(index)];
        for (std::size_t i = 0; i < f.locals.size(); ++i) {
            (i < f.param_count ? cf.params : cf.locals).push_back(slot(f.locals[i]));
        }
        cf.returns_value = !t_.is_void(f.return_type);
        cf.return_size = size8(f.return_type);
        cf.return_signed = !t_.is_unsigned(f.return_type);
        cf.entry = static_cast<std::uint32_t>(here());
        if (f.body < 0) return;
        statement(f.body);
        // Falling off the end returns (0 for main, as C99 says; garbage elsewhere in C).
        if (cf.returns_value) constant(0);
        emit(Instr{.op = Op::Ret, .flag = static_cast<std::uint8_t>(cf.returns_value ? 1 : 0)});
    }

    // ---- statements ----
    void mark(int line) { emit(Op::Stmt, line); }

    void statement(std::int32_t index) {
        if (index < 0) return;
        const Stmt& s = st(index);
        switch (s.kind) {
            case StmtKind::Block:
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
                value(s.expr);
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
                value(s.expr);
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
                value(s.expr);
                emit(Op::JumpIfNonZero, static_cast<std::int32_t>(top));
                finish_loop();
                break;
            }
            case StmtKind::For: for_loop(s); break;
            case StmtKind::Break:
                mark(s.line);
                breaks_.push_back(emit(Op::Jump));
                break;
            case StmtKind::Continue:
                mark(s.line);
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
        }
    }

    void begin_loop() {
        break_marks_.push_back(breaks_.size());
        continue_marks_.push_back(continues_.size());
    }
    void patch_continues(std::size_t target) {
        for (std::size_t i = continue_marks_.back(); i < continues_.size(); ++i) {
            out_.code[continues_[i]].a = static_cast<std::int32_t>(target);
        }
        continues_.resize(continue_marks_.back());
    }
    // Patches the loop's breaks to jump here and forgets them.
    void finish_loop() {
        for (std::size_t i = break_marks_.back(); i < breaks_.size(); ++i) patch(breaks_[i]);
        breaks_.resize(break_marks_.back());
        break_marks_.pop_back();
        continue_marks_.pop_back();
    }
    void loop_body(std::int32_t body, std::size_t continue_target) {
        begin_loop();
        statement(body);
        patch_continues(continue_target);
    }

    // for (init; cond; step) body: the step and the next test are one step, at the for line.
    void for_loop(const Stmt& s) {
        statement(s.init);
        mark(s.line);
        const std::size_t test = here();
        std::optional<std::size_t> to_end;
        if (s.expr >= 0) {
            value(s.expr);
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

    void declaration(const Stmt& s) {
        const VarDecl& v = p_.functions[static_cast<std::size_t>(fn_)].locals[static_cast<std::size_t>(s.var)];
        if (v.init < 0 && !v.has_init_list) return;
        mark(s.line);
        if (v.has_init_list) {
            const auto slots = init_slots(v.type);
            for (std::size_t i = 0; i < slots.size(); ++i) {
                store_at(s.var, slots[i].first, slots[i].second, i < v.init_list.size() ? v.init_list[i] : -1);
            }
            return;
        }
        const Expr& init = ex(v.init);
        if (t_.is_array(v.type)) {  // char s[] = "text": each byte, then zeros to the end
            const std::string& text = p_.strings[static_cast<std::size_t>(init.value)];
            const TypeId c = t_.char_type();
            for (std::uint64_t i = 0; i < t_.get(v.type).count; ++i) {
                emit(Op::LocalAddr, s.var);
                constant(static_cast<std::int64_t>(i));
                emit(Op::Add);
                constant(i < text.size() ? static_cast<signed char>(text[static_cast<std::size_t>(i)]) : 0);
                emit(Instr{.op = Op::Store, .size = size8(c)});
                emit(Op::Pop);
            }
            return;
        }
        store_at(s.var, 0, v.type, v.init);
    }

    // local[offset] = init (or 0 when init is -1), for a scalar or struct of `type`.
    void store_at(std::int32_t local, std::uint64_t offset, TypeId type, std::int32_t init) {
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
            emit(Instr{.op = Op::Store, .size = size8(type)});
        }
        emit(Op::Pop);
    }

    // ---- expressions ----
    void discard(std::int32_t e) {
        value(e);
        emit(Op::Pop);
    }

    // Pushes the address of an lvalue (or of a string literal).
    void address(std::int32_t index) {
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
            default:
                // Struct values only come from lvalues (the checker refuses the rest).
                MEMSIM_ASSERT(false);
        }
    }

    // pointer op integer, scaled by the element size.
    void pointer_plus(std::int32_t pointer, std::int32_t integer, Op op) {
        const TypeId p = decay(ex(pointer).type);
        value(pointer);
        value(integer);
        convert(decay(ex(integer).type), t_.long_type());
        scale(t_.size_of(t_.element(p)));
        emit(op);
        emit(Instr{.op = Op::Conv, .size = size8(p), .flag = 0});
    }

    void scale(std::uint64_t element_size) {
        if (element_size == 1) return;
        constant(static_cast<std::int64_t>(element_size));
        emit(Op::Mul);
    }

    void load(TypeId type) { emit(Instr{.op = Op::Load, .size = size8(type), .flag = is_signed(type)}); }

    // Pushes the value of an expression (arrays and strings: their address; structs: their address).
    void value(std::int32_t index) {
        const Expr& e = ex(index);
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
                if (!t_.is_void(e.operand_type)) {
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
        }
    }

    void call(const Expr& e) {
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

    Op arithmetic_op(BinaryOp op) const {
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

    void binary(const Expr& e) {
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

    void assign(const Expr& e) {
        address(e.a);
        if (t_.is_struct(e.type)) {
            address(e.b);
            emit(Instr{.op = Op::Copy, .imm = static_cast<std::int64_t>(t_.size_of(e.type))});
            return;
        }
        value(e.b);
        convert(decay(ex(e.b).type), e.type);
        emit(Instr{.op = Op::Store, .size = size8(e.type)});
    }

    void compound(const Expr& e) {
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
        emit(Instr{.op = Op::Conv, .size = size8(target), .flag = is_signed(target)});
        emit(Instr{.op = Op::Store, .size = size8(target)});
    }
};

}  // namespace

Result<std::shared_ptr<const CompiledProgram>> compile(std::string_view source, const CompileOptions& options) {
    auto program = parse(source, options.model);
    if (!program) return tl::unexpected(program.error());
    if (auto checked = check(*program); !checked) return tl::unexpected(checked.error());
    auto out = std::make_shared<CompiledProgram>();
    out->program = std::move(*program);
    Compiler(*out).run();
    return std::shared_ptr<const CompiledProgram>(std::move(out));
}

const char* op_name(Op op) {
    static constexpr const char* names[] = {
        "Stmt", "Const", "LocalAddr", "GlobalAddr", "StringAddr", "Load", "Store", "Copy", "Pop", "Dup",
        "Add", "Sub", "Mul", "Div", "Mod", "Shl", "Shr", "BitAnd", "BitOr", "BitXor",
        "Lt", "Le", "Gt", "Ge", "Eq", "Ne", "Neg", "BitNot", "Not", "Conv",
        "Jump", "JumpIfZero", "JumpIfNonZero", "IncDec", "Call", "Builtin", "Ret"};
    return names[static_cast<std::size_t>(op)];
}

}  // namespace memsim::minic
