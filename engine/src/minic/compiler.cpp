#include <algorithm>
#include <string_view>

#include "compiler_impl.hpp"

namespace memsim::minic {

namespace {

// A source line as a sentence can quote it: no indentation, no trailing '{', at most 60
// characters.
std::string quotable(std::string_view line) {
    const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
    while (!line.empty() && is_space(line.front())) line.remove_prefix(1);
    while (!line.empty() && (is_space(line.back()) || line.back() == '{')) line.remove_suffix(1);
    constexpr std::size_t kLongest = 60;
    if (line.size() <= kLongest) return std::string(line);
    return std::string(line.substr(0, kLongest - 3)) + "...";
}

std::vector<std::string> quotable_lines(std::string_view source) {
    std::vector<std::string> lines;
    for (std::size_t start = 0; start <= source.size();) {
        const std::size_t end = std::min(source.find('\n', start), source.size());
        lines.push_back(quotable(source.substr(start, end - start)));
        start = end + 1;
    }
    return lines;
}

}  // namespace

Result<std::shared_ptr<const CompiledProgram>> compile(std::string_view source, const CompileOptions& options) {
    auto program = parse(source, options.model, options.first_line);
    if (!program) return tl::unexpected(program.error());
    if (auto checked = check(*program); !checked) return tl::unexpected(checked.error());
    auto out = std::make_shared<CompiledProgram>();
    out->program = std::move(*program);
    out->line_texts = quotable_lines(source);
    out->first_line = options.first_line;
    compiling::Compiler(*out).run();
    return std::shared_ptr<const CompiledProgram>(std::move(out));
}

const char* op_name(Op op) {
    static constexpr const char* names[] = {
        "Stmt", "Const", "LocalAddr", "GlobalAddr", "StringAddr", "Load", "Store", "Copy", "Pop", "Dup",
        "Add", "Sub", "Mul", "Div", "Mod", "Shl", "Shr", "BitAnd", "BitOr", "BitXor",
        "Lt", "Le", "Gt", "Ge", "Eq", "Ne", "Neg", "BitNot", "Not", "Conv",
        "Jump", "JumpIfZero", "JumpIfNonZero", "IncDec", "Call", "Builtin", "Ret",
        "FAdd", "FSub", "FMul", "FDiv", "FLt", "FLe", "FGt", "FGe", "FEq", "FNe", "FNeg",
        "IntToFloat", "FloatToInt", "FloatToFloat", "FunctionAddr", "CallIndirect", "Resume",
        "ArrayPush", "ArrayPop", "ArraySize"};
    return names[static_cast<std::size_t>(op)];
}

}  // namespace memsim::minic
