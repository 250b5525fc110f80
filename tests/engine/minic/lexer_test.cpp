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

TEST_CASE("The lexer reports bad input with line and column", "[minic][lexer]") {
    CHECK(lex("int x = 1;\nchar *s = \"open;\n").error().to_string() ==
          "2:11: unterminated string: '\"' has no closing '\"' on its line");
    CHECK(lex("int x = 1.5;").error().to_string() == "1:9: floating-point numbers are not supported in MiniC (only integers)");
    CHECK(lex("int a = 3 @ 4;").error().to_string() == "1:11: unexpected character '@'");
    CHECK(lex("/* never closed").error().to_string() == "1:1: unterminated comment: '/*' has no closing '*/'");
    CHECK(lex("char c = '\\q';").error().to_string() == "1:11: unknown escape sequence '\\q'");
}
