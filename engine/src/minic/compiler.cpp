#include "compiler_impl.hpp"

namespace memsim::minic {

Result<std::shared_ptr<const CompiledProgram>> compile(std::string_view source, const CompileOptions& options) {
    auto program = parse(source, options.model, options.first_line);
    if (!program) return tl::unexpected(program.error());
    if (auto checked = check(*program); !checked) return tl::unexpected(checked.error());
    auto out = std::make_shared<CompiledProgram>();
    out->program = std::move(*program);
    compiling::Compiler(*out).run();
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
