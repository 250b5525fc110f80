#include "memsim/minic/lexer.hpp"

#include <array>
#include <cstdlib>

#include "memsim/core/text.hpp"
#include "memsim/minic/float_bits.hpp"

namespace memsim::minic {
namespace {

constexpr std::array<std::string_view, 39> keywords = {
    "int",    "char",     "long",   "short",    "unsigned", "signed", "void",   "struct", "sizeof",  "if",
    "else",   "while",    "for",    "do",       "break",    "continue", "return", "const", "float",  "double",
    "switch", "case",     "default", "goto",    "union",    "enum",   "typedef", "static", "extern", "volatile",
    "register", "auto",   "inline", "_Bool",    "bool",     "restrict", "asm",   "_Complex", "_Alignof"};

// Longest first, so that "<<=" wins over "<<" and "<".
constexpr std::array<std::string_view, 48> puncts = {
    "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=",
    "*=",  "/=",  "%=",  "&=", "|=", "^=", "##", "+",  "-",  "*",  "/",  "%",  "<",  ">",  "=",  "!",  "~",
    "&",   "|",   "^",   "?",  ":",  ";",  ",",  ".",  "(",  ")",  "[",  "]",  "{",  "}", "#"};

bool is_ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_ident_char(char c) { return is_ident_start(c) || is_decimal_digit(c); }

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

class Lexer {
public:
    Lexer(std::string_view source, int first_line) : src_(source), line_(first_line) {}

    Result<std::vector<Token>> run() {
        std::vector<Token> tokens;
        for (;;) {
            const std::size_t before = pos_;
            if (auto skipped = skip_space(); !skipped) return tl::unexpected(skipped.error());
            Token token;
            token.space_before = pos_ != before;
            token.line = line_;
            token.column = column_;
            if (pos_ >= src_.size()) {
                tokens.push_back(token);
                return tokens;
            }
            token.first_on_line = line_start_;
            auto read = read_token(token);
            if (!read) {
                // Kept as an Error token: the preprocessor reports it only if it is used.
                token = Token{.kind = TokenKind::Error, .text = read.error().message,
                              .first_on_line = token.first_on_line, .space_before = token.space_before,
                              .line = read.error().line,
                              .column = read.error().column};
                while (pos_ < src_.size() && peek() != '\n') advance();
            }
            const bool raw_rest = token.kind == TokenKind::Identifier && (token.text == "error" || token.text == "warning") &&
                                  !tokens.empty() && tokens.back().first_on_line && tokens.back().text == "#" &&
                                  tokens.back().line == token.line;
            tokens.push_back(std::move(token));
            if (raw_rest) tokens.push_back(rest_of_line());
        }
    }

private:
    std::string_view src_;
    std::size_t pos_ = 0;
    int line_ = 1;
    int column_ = 1;
    bool line_start_ = true;  // only spaces so far on this line (for '#' directives)

    char peek(std::size_t ahead = 0) const { return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0'; }
    void advance() {
        if (src_[pos_] == '\n') {
            ++line_;
            column_ = 1;
            line_start_ = true;
        } else {
            ++column_;
        }
        ++pos_;
    }
    // The rest of an `#error` line, raw, as one String token.
    Token rest_of_line() {
        while (peek() == ' ' || peek() == '\t') advance();
        Token token{.kind = TokenKind::String, .line = line_, .column = column_};
        const std::size_t start = pos_;
        while (pos_ < src_.size() && peek() != '\n') advance();
        token.text = std::string(src_.substr(start, pos_ - start));
        while (!token.text.empty() && (token.text.back() == '\r' || token.text.back() == ' ')) token.text.pop_back();
        return token;
    }

    tl::unexpected<Error> error(const std::string& message, int line, int column) const {
        return fail(message, line, column);
    }

    Result<bool> skip_space() {
        while (pos_ < src_.size()) {
            const char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
                advance();
            } else if (c == '/' && peek(1) == '/') {
                while (pos_ < src_.size() && peek() != '\n') advance();
            } else if (c == '/' && peek(1) == '*') {
                const int line = line_, column = column_;
                advance();
                advance();
                while (pos_ < src_.size() && !(peek() == '*' && peek(1) == '/')) advance();
                if (pos_ >= src_.size()) return error("unterminated comment: '/*' has no closing '*/'", line, column);
                advance();
                advance();
            } else if (c == '\\' && (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n'))) {
                const bool start = line_start_;  // a continued line goes on the same logical line
                while (peek() != '\n') advance();
                advance();
                line_start_ = start;
            } else {
                return true;
            }
        }
        return true;
    }

    Result<bool> read_token(Token& token) {
        line_start_ = false;
        const char c = peek();
        if (is_ident_start(c)) {
            const std::size_t start = pos_;
            while (is_ident_char(peek())) advance();
            token.text = std::string(src_.substr(start, pos_ - start));
            token.kind = is_keyword(token.text) ? TokenKind::Keyword : TokenKind::Identifier;
            return true;
        }
        if (is_decimal_digit(c) || (c == '.' && is_decimal_digit(peek(1)))) return read_number(token);
        if (c == '\'') return read_char(token);
        if (c == '"') return read_string(token);
        for (std::string_view p : puncts) {
            if (src_.substr(pos_, p.size()) == p) {
                token.kind = TokenKind::Punct;
                token.text = std::string(p);
                for (std::size_t i = 0; i < p.size(); ++i) advance();
                return true;
            }
        }
        std::string shown = (c >= 32 && c < 127) ? std::string(1, c) : "\\x" + hex(static_cast<unsigned char>(c)).substr(2);
        return error("unexpected character '" + shown + "'", line_, column_);
    }

    // Whether the number starting here is a floating constant: digits with a '.' or an
    // exponent (`1.5`, `.5`, `1e3`), or hexadecimal with a '.' or a 'p' exponent.
    bool floating_ahead() const {
        std::size_t i = 0;
        const bool hex_form = peek() == '0' && (peek(1) == 'x' || peek(1) == 'X');
        if (hex_form) i = 2;
        while (hex_form ? hex_digit(peek(i)) >= 0 : is_decimal_digit(peek(i))) ++i;
        const char c = peek(i);
        return c == '.' || (hex_form ? (c == 'p' || c == 'P') : (c == 'e' || c == 'E'));
    }

    // A floating constant, converted with correct rounding (strtod and strtof round
    // correctly in glibc and in musl, so native and WASM agree); an f suffix makes a float.
    Result<bool> read_floating(Token& token) {
        token.kind = TokenKind::Number;
        token.is_floating = true;
        const std::size_t start = pos_;
        const bool hex_form = peek() == '0' && (peek(1) == 'x' || peek(1) == 'X');
        if (hex_form) {
            advance();
            advance();
        }
        const char exponent = hex_form ? 'p' : 'e';
        while (is_decimal_digit(peek()) || peek() == '.' || (hex_form && hex_digit(peek()) >= 0)) advance();
        if (peek() == exponent || peek() == exponent - 32) {
            advance();
            if (peek() == '+' || peek() == '-') advance();
            if (!is_decimal_digit(peek())) return error("expected digits in the exponent of the number", line_, column_);
            while (is_decimal_digit(peek())) advance();
        } else if (hex_form) {
            return error("a hexadecimal floating constant needs a 'p' exponent (0x1.8p1)", token.line, token.column);
        }
        const std::string digits(src_.substr(start, pos_ - start));
        if (peek() == 'f' || peek() == 'F') {
            token.is_float = true;
            advance();
        } else if (peek() == 'l' || peek() == 'L') {
            return error("long double is not supported in MiniC (its 80-bit x87 format differs from double); use double",
                         token.line, token.column);
        }
        if (is_ident_char(peek()) || peek() == '.') {
            return error("unexpected character '" + std::string(1, peek()) + "' in a number", line_, column_);
        }
        char* end = nullptr;
        if (token.is_float) {
            token.value = float_bits(std::strtof(digits.c_str(), &end));
        } else {
            token.value = double_bits(std::strtod(digits.c_str(), &end));
        }
        if (end != digits.c_str() + digits.size()) return error("malformed floating constant '" + digits + "'", token.line, token.column);
        token.text = std::string(src_.substr(start, pos_ - start));
        return true;
    }

    Result<bool> read_number(Token& token) {
        if (floating_ahead()) return read_floating(token);
        token.kind = TokenKind::Number;
        const std::size_t start = pos_;
        std::uint64_t value = 0;
        bool overflow = false;
        auto accumulate = [&](std::uint64_t base, int digit) {
            const std::uint64_t next = value * base + static_cast<std::uint64_t>(digit);
            if ((next - static_cast<std::uint64_t>(digit)) / base != value) overflow = true;
            value = next;
        };
        if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            advance();
            advance();
            if (hex_digit(peek()) < 0) return error("expected hexadecimal digits after '0x'", token.line, token.column);
            while (hex_digit(peek()) >= 0) {
                accumulate(16, hex_digit(peek()));
                advance();
            }
        } else {
            // Leading 0 means octal in C; MiniC reads digits as decimal unless the number is 0.
            const bool octal = peek() == '0' && is_decimal_digit(peek(1));
            while (is_decimal_digit(peek())) {
                accumulate(octal ? 8 : 10, peek() - '0');
                if (octal && peek() > '7') return error("'8' and '9' are not octal digits", line_, column_);
                advance();
            }
        }
        while (peek() == 'u' || peek() == 'U' || peek() == 'l' || peek() == 'L') {
            if (peek() == 'u' || peek() == 'U') token.is_unsigned = true;
            else token.is_long = true;
            advance();
        }
        if (is_ident_char(peek())) {
            return error("unexpected character '" + std::string(1, peek()) + "' in a number", line_, column_);
        }
        if (overflow) return error("the number is too large for 64 bits", token.line, token.column);
        token.value = value;
        token.text = std::string(src_.substr(start, pos_ - start));
        return true;
    }

    // Reads one character of a char or string literal, decoding escapes.
    Result<char> read_escaped() {
        const int line = line_, column = column_;
        char c = peek();
        if (c == '\n' || pos_ >= src_.size()) return error("unterminated literal at the end of the line", line, column);
        advance();
        if (c != '\\') return c;
        c = peek();
        if (pos_ >= src_.size()) return error("unterminated literal", line, column);
        advance();
        switch (c) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r': return '\r';
            case '0': return '\0';
            case '\\': return '\\';
            case '\'': return '\'';
            case '"': return '"';
            case 'a': return '\a';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'v': return '\v';
            case 'x': {
                int v = 0, digits = 0;
                while (hex_digit(peek()) >= 0 && digits < 2) {
                    v = v * 16 + hex_digit(peek());
                    advance();
                    ++digits;
                }
                if (digits == 0) return error("expected hexadecimal digits after '\\x'", line, column);
                return static_cast<char>(v);
            }
            default:
                return error(std::string("unknown escape sequence '\\") + c + "'", line, column);
        }
    }

    Result<bool> read_char(Token& token) {
        token.kind = TokenKind::Char;
        advance();
        if (peek() == '\'') return error("empty character constant ''", token.line, token.column);
        auto c = read_escaped();
        if (!c) return tl::unexpected(c.error());
        if (peek() != '\'') return error("expected ' to close the character constant", line_, column_);
        advance();
        // char is signed on x86: '\xff' is -1.
        token.value = static_cast<std::uint64_t>(static_cast<std::int64_t>(static_cast<signed char>(*c)));
        token.text = "'" + std::string(1, *c) + "'";
        return true;
    }

    Result<bool> read_string(Token& token) {
        token.kind = TokenKind::String;
        advance();
        while (peek() != '"') {
            if (pos_ >= src_.size() || peek() == '\n') {
                return error("unterminated string: '\"' has no closing '\"' on its line", token.line, token.column);
            }
            auto c = read_escaped();
            if (!c) return tl::unexpected(c.error());
            token.text.push_back(*c);
        }
        advance();
        return true;
    }
};

}  // namespace

std::string Token::describe() const {
    switch (kind) {
        case TokenKind::End: return "the end of the program";
        case TokenKind::String: return "a string literal";
        case TokenKind::Char: return "the character constant " + text;
        default: return "'" + text + "'";
    }
}

std::string spelling(const Token& token) {
    auto escaped = [](const std::string& bytes, char quote) {
        std::string out(1, quote);
        for (char c : bytes) {
            switch (c) {
                case '\n': out += "\\n"; break;
                case '\t': out += "\\t"; break;
                case '\r': out += "\\r"; break;
                case '\0': out += "\\0"; break;
                case '\\': out += "\\\\"; break;
                default:
                    if (c == quote) out += '\\';
                    out += c;
            }
        }
        return out + quote;
    };
    switch (token.kind) {
        case TokenKind::String: return escaped(token.text, '"');
        case TokenKind::Char: return escaped(std::string(1, static_cast<char>(token.value)), '\'');
        case TokenKind::End: case TokenKind::Error: return "";
        default: return token.text;
    }
}

bool is_keyword(std::string_view word) {
    for (std::string_view k : keywords) {
        if (k == word) return true;
    }
    return false;
}

Result<std::vector<Token>> lex_tokens(std::string_view source, int first_line) { return Lexer(source, first_line).run(); }

Result<std::vector<Token>> lex(std::string_view source, int first_line) {
    auto tokens = lex_tokens(source, first_line);
    if (!tokens) return tokens;
    for (const Token& t : *tokens) {
        if (t.kind == TokenKind::Error) return fail(t.text, t.line, t.column);
    }
    return tokens;
}

}  // namespace memsim::minic
