#include "parser_impl.hpp"
#include "memsim/minic/preprocessor.hpp"

namespace memsim::minic {

const char* binary_op_spelling(BinaryOp op) {
    switch (op) {
        case BinaryOp::Add: return "+";
        case BinaryOp::Sub: return "-";
        case BinaryOp::Mul: return "*";
        case BinaryOp::Div: return "/";
        case BinaryOp::Mod: return "%";
        case BinaryOp::Shl: return "<<";
        case BinaryOp::Shr: return ">>";
        case BinaryOp::BitAnd: return "&";
        case BinaryOp::BitOr: return "|";
        case BinaryOp::BitXor: return "^";
        case BinaryOp::Lt: return "<";
        case BinaryOp::Gt: return ">";
        case BinaryOp::Le: return "<=";
        case BinaryOp::Ge: return ">=";
        case BinaryOp::Eq: return "==";
        case BinaryOp::Ne: return "!=";
        case BinaryOp::LogicalAnd: return "&&";
        case BinaryOp::LogicalOr: return "||";
    }
    return "?";
}

std::int32_t Program::find_function(const std::string& function_name) const {
    for (std::size_t i = 0; i < functions.size(); ++i) {
        if (functions[i].name == function_name) return static_cast<std::int32_t>(i);
    }
    return -1;
}

Result<Program> parse(std::string_view source, DataModel model, int first_line) {
    std::vector<MacroLine> macro_lines;
    auto tokens = preprocess(source, PreprocessConfig{.model = model, .first_line = first_line}, &macro_lines);
    if (!tokens) return tl::unexpected(tokens.error());
    auto program = parsing::Parser(std::move(*tokens), model).run();
    if (program) {
        program->first_line = first_line;
        program->macro_lines = std::move(macro_lines);
    }
    return program;
}

}  // namespace memsim::minic
