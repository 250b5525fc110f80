#pragma once
// The MiniC lexer: source text in, tokens out, each with its line and column.
//
// A token is the smallest unit the parser reads: a keyword (`int`, `while`), a name
// (`count`), a number (`42`, `0x1F`, `10u`, `7L`, `2.5`, `1e-3`, `0.5f`, `0x1p-2`), a character (`'a'`, `'\n'`), a string
// (`"hello\n"`, escapes decoded) or punctuation (`->`, `+=`, `;`). Comments (`//` and
// `/* */`) and white space separate tokens and are dropped; a backslash before a newline
// joins two lines. A `#` that starts a line is a Punct token marked `first_on_line`, so
// that the preprocessor (memsim/minic/preprocessor.hpp) finds its directives; the rest of
// an `#error` or `#warning` line is kept as one String token holding the raw text.
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
    Punct,       // an operator or separator: + -> <<= ; { ... # ##
    Error,       // text that is no C token (`3.5`, `@`); `text` holds the message, reported
                 // only if the token survives preprocessing (it may sit in an `#if 0` block)
};

// One token with its place in the source (1-based line and column).
struct Token {
    TokenKind kind = TokenKind::End;
    std::string text{};            // the spelling (decoded bytes for strings)
    std::uint64_t value = 0;     // numbers and characters
    bool is_unsigned = false;    // number with a u/U suffix
    bool is_long = false;        // number with an l/L suffix
    bool is_floating = false;    // a floating constant (`2.5`, `1e-3`, `0x1p4`): `value` holds its IEEE bits
    bool is_float = false;       // with an f/F suffix: a float (`value` holds 32 bits), else a double
    bool first_on_line = false;  // the first token of its source line (directives start so)
    bool space_before = false;   // white space or a comment comes before it (for `#x` in macros)
    int line = 1;
    int column = 1;

    // How the token reads in an error message: 'int', ';', a string literal, the end of the program.
    std::string describe() const;
};

// Whether `word` is a MiniC keyword (including the C keywords MiniC refuses by name).
bool is_keyword(std::string_view word);

// Splits the source into tokens; the last token is End. Errors name line and column:
// an unknown character, an unterminated string or comment, a malformed number.
// `lex` fails at the first of them; `lex_tokens` fails only on an unterminated comment
// and leaves the others in place as Error tokens (the preprocessor's input).
// `first_line` numbers the source's first line (a program inside a scenario file starts
// after its front matter).
Result<std::vector<Token>> lex(std::string_view source, int first_line = 1);
Result<std::vector<Token>> lex_tokens(std::string_view source, int first_line = 1);

// How a token is spelled in source (strings and characters with their quotes and escapes).
std::string spelling(const Token& token);

}  // namespace memsim::minic
