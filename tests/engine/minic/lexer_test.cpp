#include <catch2/catch.hpp>

#include "memsim/minic/lexer.hpp"

using namespace memsim::minic;

TEST_CASE("The lexer splits a program into tokens with line and column", "[minic][lexer]") {
    const auto tokens = lex("int main() {\n  x += 0x1F; // note\n  s = \"a\\n\"; c = 'z';\n}");
    REQUIRE(tokens);
    const auto& t = *tokens;
    CHECK(t[0].kind == TokenKind::Keyword);
    CHECK(t[0].text == "int");
    CHECK(t[1].kind == TokenKind::Identifier);
    CHECK(t[5].text == "x");
    CHECK(t[5].line == 2);
    CHECK(t[5].column == 3);
    CHECK(t[6].text == "+=");
    CHECK(t[7].kind == TokenKind::Number);
    CHECK(t[7].value == 31);
    CHECK(t[11].kind == TokenKind::String);
    CHECK(t[11].text == "a\n");
    CHECK(t[15].kind == TokenKind::Char);
    CHECK(t[15].value == 'z');
    CHECK(t.back().kind == TokenKind::End);
}

TEST_CASE("The lexer reads suffixes, skips comments and marks the '#' of a directive", "[minic][lexer]") {
    const auto tokens = lex("#include <stdio.h>\n/* a\n comment */ 10u 7L 0\n");
    REQUIRE(tokens);
    REQUIRE(tokens->size() == 11);
    CHECK((*tokens)[0].text == "#");
    CHECK((*tokens)[0].first_on_line);
    CHECK_FALSE((*tokens)[1].first_on_line);
    CHECK((*tokens)[7].is_unsigned);
    CHECK((*tokens)[7].line == 3);
    CHECK((*tokens)[7].column == 13);
    CHECK((*tokens)[7].first_on_line);
    CHECK((*tokens)[8].is_long);
    CHECK((*tokens)[9].value == 0);
}

TEST_CASE("The lexer joins lines ending in a backslash and keeps #error text raw", "[minic][lexer]") {
    const auto tokens = lex("#define A 1 \\\n  + 2\n#error don't\n");
    REQUIRE(tokens);
    CHECK((*tokens)[4].text == "+");
    CHECK_FALSE((*tokens)[4].first_on_line);
    CHECK((*tokens)[8].kind == TokenKind::String);
    CHECK((*tokens)[8].text == "don't");
}

TEST_CASE("Floating constants hold the IEEE bits of the nearest double, or float with an f suffix", "[minic][lexer][float]") {
    auto tokens = lex("0.1 1e3 .5 2. 0.1f 0x1.8p1 1E-2F 07.5 5e-324 1e400");
    REQUIRE(tokens);
    const auto& t = *tokens;
    CHECK(t[0].is_floating);
    CHECK_FALSE(t[0].is_float);
    CHECK(t[0].value == 0x3FB999999999999Aull);  // 0.1 rounds to this double, as gcc's does
    CHECK(t[1].value == 0x408F400000000000ull);  // 1000.0
    CHECK(t[2].value == 0x3FE0000000000000ull);  // 0.5
    CHECK(t[3].value == 0x4000000000000000ull);  // 2.0
    CHECK(t[4].is_float);
    CHECK(t[4].value == 0x3DCCCCCDull);          // 0.1f: rounded once, to float
    CHECK(t[5].value == 0x4008000000000000ull);  // 3.0
    CHECK(t[6].value == 0x3C23D70Aull);          // 0.01f
    CHECK(t[7].value == 0x401E000000000000ull);  // 7.5: a leading 0 is not octal in a floating constant
    CHECK(t[8].value == 1);                      // the smallest subnormal
    CHECK(t[9].value == 0x7FF0000000000000ull);  // too large: infinity, as gcc gives (with a warning)
    CHECK(t[0].text == "0.1");
    CHECK(t[4].text == "0.1f");
}

TEST_CASE("The lexer reports bad input with line and column", "[minic][lexer]") {
    CHECK(lex("int x = 1;\nchar *s = \"open;\n").error().to_string() ==
          "2:11: unterminated string: '\"' has no closing '\"' on its line");
    CHECK(lex("double x = 1e+;").error().to_string() == "1:15: expected digits in the exponent of the number");
    CHECK(lex("double x = 0x1.8;").error().to_string() == "1:12: a hexadecimal floating constant needs a 'p' exponent (0x1.8p1)");
    CHECK(lex("double x = 1.5L;").error().to_string() ==
          "1:12: long double is not supported in MiniC (its 80-bit x87 format differs from double); use double");
    CHECK(lex("double x = 1.5.2;").error().to_string() == "1:12: malformed floating constant '1.5.2'");
    CHECK(lex("int a = 3 @ 4;").error().to_string() == "1:11: unexpected character '@'");
    CHECK(lex("/* never closed").error().to_string() == "1:1: unterminated comment: '/*' has no closing '*/'");
    CHECK(lex("char c = '\\q';").error().to_string() == "1:11: unknown escape sequence '\\q'");
}
