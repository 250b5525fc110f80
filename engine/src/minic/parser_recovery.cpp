// How the parser goes on after an error, so that one compile lists every error: skip
// the rest of what failed, counting brackets, and resume at the next statement (or the
// next declaration at the top level), as gcc does.
#include "parser_impl.hpp"

namespace memsim::minic::parsing {

namespace {

bool is_punct(const Token& t, const char* spelling) { return t.kind == TokenKind::Punct && t.text == spelling; }

}  // namespace

bool Parser::recover(std::size_t start, Resume where) {
    if (gave_up_) return false;
    // A second error on the same line is most often the first one seen again.
    if (errors_.empty() || errors_.back().line != error_->line) errors_.push_back(*error_);
    if (errors_.size() >= max_compile_errors || peek().kind == TokenKind::End) {
        gave_up_ = true;
        return false;
    }
    // Skip from where the failed part began to the first ';' or closing '}' at its own
    // brace depth that is at or after where the error was found. Parentheses count only
    // in a `for (;;)` header, whose ';'s end nothing: an unclosed '(' (`if (x > 1 {`) must
    // not swallow the rest of the block.
    const std::size_t error_at = std::min(error_pos_, pos_);
    const bool in_for_header = toks_[start].kind == TokenKind::Keyword && toks_[start].text == "for";
    std::size_t i = start;
    int braces = 0, parens = 0;
    for (; toks_[i].kind != TokenKind::End; ++i) {
        const Token& t = toks_[i];
        if (is_punct(t, "(")) {
            ++parens;
        } else if (is_punct(t, ")")) {
            parens = std::max(parens - 1, 0);
        } else if (is_punct(t, "{")) {
            ++braces;
        } else if (is_punct(t, "}")) {
            // The '}' of the enclosing block ends the statement; its block consumes it.
            if (braces == 0 && where == Resume::Statement) break;
            braces = std::max(braces - 1, 0);
            if (braces == 0 && i >= error_at) {
                ++i;
                break;
            }
        } else if (is_punct(t, ";") && braces == 0 && (!in_for_header || parens == 0) && i >= error_at) {
            ++i;
            break;
        }
    }
    pos_ = std::max(i, start);
    error_.reset();
    if (where == Resume::TopLevel) {  // (inside a block, the open statements unwind their own state)
        function_ = -1;
        switch_labels_.clear();
    }
    return true;
}

}  // namespace memsim::minic::parsing
