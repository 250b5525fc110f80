#pragma once
// The MiniC parser: tokens in, a Program (syntax tree) out, by recursive descent.
//
// Grammar (a subset of C; lowest precedence first):
//
//   program     = { struct-def ";" | declaration | function }
//   function    = type name "(" [params] ")" ( block | ";" )
//   statement   = block | declaration | "if" "(" expr ")" statement ["else" statement]
//               | "while" "(" expr ")" statement | "do" statement "while" "(" expr ")" ";"
//               | "for" "(" [decl | expr] ";" [expr] ";" [expr] ")" statement
//               | "break" ";" | "continue" ";" | "return" [expr] ";" | [expr] ";"
//   expr        = assignment: conditional [ ("=" | "+=" | ...) assignment ]
//   conditional = or ["?" expr ":" conditional];  then || && | ^ & == < << + * (usual C order)
//   unary       = ("-" | "!" | "~" | "*" | "&" | "++" | "--" | "sizeof" | cast) unary | postfix
//   postfix     = primary { "[" expr "]" | "(" args ")" | "." name | "->" name | "++" | "--" }
//
// Errors name line and column and say what was expected and what was found:
//   "3:14: expected ';' after the expression, found 'int'"
// After an error the parser skips to the end of the statement (or of the declaration or
// function at the top level) and goes on, so every error is listed, as gcc lists them:
// the first is the Error, the others are in its `also` (at most max_compile_errors).
// C features outside MiniC (float, switch, goto, union, enum, typedef, function
// pointers, ...) are refused by name at their position. Nesting deeper than
// max_nesting (expressions or statements) is refused too, so that a pathological
// program cannot exhaust the parser's own stack.
//
//   Result<Program> program = parse(source, DataModel::Lp64);
#include <cstddef>
#include <string_view>

#include "memsim/core/result.hpp"
#include "memsim/minic/ast.hpp"

namespace memsim::minic {

// The deepest nesting of expressions or statements the parser accepts.
inline constexpr int max_nesting = 200;
// The most errors one compile lists (the parser's, or else the checker's).
inline constexpr std::size_t max_compile_errors = 20;

// Parses a whole MiniC program (lexing included); lines count from `first_line`.
Result<Program> parse(std::string_view source, DataModel model = DataModel::Lp64, int first_line = 1);

}  // namespace memsim::minic
