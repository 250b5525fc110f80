#pragma once
// Internal to the MiniC preprocessor (not installed): the value of an `#if` condition.
#include <cstdint>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/minic/lexer.hpp"

namespace memsim::minic::preprocessing {

// Evaluates an integer constant expression whose macros are expanded and whose other
// names are already 0: numbers, characters, ( ), unary + - ~ !, the binary operators of C
// and ?:. `directive` is where errors point when the expression is empty.
Result<std::int64_t> evaluate_condition(const std::vector<Token>& tokens, const Token& directive);

}  // namespace memsim::minic::preprocessing
