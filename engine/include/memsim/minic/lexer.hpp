#pragma once
// The MiniC lexer: source text in, tokens out, each with its line and column.
//
// A token is the smallest unit the parser reads: a keyword (`int`, `while`), a name
// (`count`), a number (`42`, `0x1F`, `10u`, `7L`), a character (`'a'`, `'\n'`), a string
// (`"hello\n"`, escapes decoded) or punctuation (`->`, `+=`, `;`). Comments (`//` and
// `/* */`) and white space separate tokens and are dropped. `#include` lines are skipped,
// since the library is built in; other preprocessor lines are refused by name.
//
//   Result<std::vector<Token>> tokens = lex("int main() { return 0; }");
//   // tokens->front().text == "int", line 1, column 1; the last token is End.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::minic {

// What kind of word a token is.
enum class TokenKind : std::uint8_t {
    End,         // the end of the source
    Identifier,  // a name: variable, function, struct or field
    Keyword,     // a reserved word: int, if, while, struct, sizeof, ...
    Number,      // an integer constant; `value` holds it
    Char,        // a character constant; `value` holds its code
    String,      // a string literal; `text` holds the decoded bytes (no closing NUL)
    Punct,       // an operator or separator: + -> <<= ; { ...
};

// One token with its place in the source (1-based line and column).
struct Token {
    TokenKind kind = TokenKind::End;
    std::string text{};            // the spelling (decoded bytes for strings)
    std::uint64_t value = 0;     // numbers and characters
    bool is_unsigned = false;    // number with a u/U suffix
    bool is_long = false;        // number with an l/L suffix
    int line = 1;
    int column = 1;

    // How the token reads in an error message: 'int', ';', a string literal, the end of the program.
    std::string describe() const;
};

// Whether `word` is a MiniC keyword (including the C keywords MiniC refuses by name).
bool is_keyword(std::string_view word);

// Splits the source into tokens; the last token is End. Errors name line and column:
// an unknown character, an unterminated string or comment, a floating-point number.
// `first_line` numbers the source's first line (a program inside a scenario file starts
// after its front matter).
Result<std::vector<Token>> lex(std::string_view source, int first_line = 1);

}  // namespace memsim::minic
