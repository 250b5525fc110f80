#include <algorithm>
#include <iterator>
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

// The source's lines, without their newlines (index: line - first_line).
std::vector<std::string_view> source_lines(std::string_view source) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start <= source.size();) {
        const std::size_t end = std::min(source.find('\n', start), source.size());
        lines.push_back(source.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::vector<std::string> quotable_lines(const std::vector<std::string_view>& source) {
    std::vector<std::string> lines;
    for (std::string_view line : source) lines.push_back(quotable(line));
    return lines;
}

// A case label as the source spells it (`case RED`, `case 'q'`): from its column on the
// line up to the ':' that ends it, outside character literals.
std::string label_spelling(std::string_view line, int column) {
    const std::size_t start = std::min(line.size(), static_cast<std::size_t>(std::max(column, 1) - 1));
    std::size_t end = start;
    bool quoted = false;
    for (; end < line.size(); ++end) {
        if (line[end] == '\\' && quoted) ++end;
        else if (line[end] == '\'') quoted = !quoted;
        else if (line[end] == ':' && !quoted) break;
    }
    std::string text(line.substr(start, end - start));
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

// Each case label keeps its spelling for the switch's explanation ("case 'q'", not "case 113").
void spell_case_labels(Program& program, const std::vector<std::string_view>& lines, int first_line) {
    for (Stmt& s : program.stmts) {
        if (s.kind != StmtKind::Case) continue;
        const auto index = static_cast<std::size_t>(s.line - first_line);
        if (s.line >= first_line && index < lines.size()) s.label = label_spelling(lines[index], s.column);
        if (s.label.rfind("case", 0) != 0) s.label = "case " + std::to_string(s.value);  // from a macro's body
    }
}

}  // namespace

Result<std::shared_ptr<const CompiledProgram>> compile(std::string_view source, const CompileOptions& options) {
    auto program = parse(source, options.model, options.first_line);
    if (!program) return tl::unexpected(program.error());
    if (auto checked = check(*program); !checked) return tl::unexpected(checked.error());
    auto out = std::make_shared<CompiledProgram>();
    out->program = std::move(*program);
    const std::vector<std::string_view> lines = source_lines(source);
    spell_case_labels(out->program, lines, options.first_line);
    out->line_texts = quotable_lines(lines);
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
        "ArrayPush", "ArrayPop", "ArraySize", "SwitchCase", "ArrayKeep"};
    static_assert(std::size(names) == static_cast<std::size_t>(Op::ArrayKeep) + 1, "every Op has a name");
    return names[static_cast<std::size_t>(op)];
}

}  // namespace memsim::minic
