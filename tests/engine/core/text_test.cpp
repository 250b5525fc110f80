#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/core/result.hpp"
#include "memsim/core/text.hpp"

using namespace memsim;

TEST_CASE("parse_u64 reads decimal and 0x hexadecimal and rejects junk", "[core][text]") {
    CHECK(parse_u64("42") == 42u);
    CHECK(parse_u64("0x1A2b") == 0x1a2bu);
    CHECK_FALSE(parse_u64(""));
    CHECK_FALSE(parse_u64("0x"));
    CHECK_FALSE(parse_u64("12a"));
    CHECK_FALSE(parse_u64("-1"));
    CHECK_FALSE(parse_u64("18446744073709551616"));  // 2^64 overflows
}

TEST_CASE("parse_size understands binary suffixes", "[core][text]") {
    CHECK(parse_size("4096") == 4096u);
    CHECK(parse_size("4K") == 4096u);
    CHECK(parse_size("4kib") == 4096u);
    CHECK(parse_size("2M") == 2u * 1024 * 1024);
    CHECK_FALSE(parse_size("3X"));
}

TEST_CASE("split_any and split_lines drop separators the way trace readers need", "[core][text]") {
    const auto pieces = split_any("7, 0,1\n2", ", \n");
    REQUIRE(pieces.size() == 4);
    CHECK(pieces[0] == "7");
    CHECK(pieces[3] == "2");
    const auto lines = split_lines("a\r\nb\n\nc");
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == "a");
    CHECK(lines[2].empty());
}

TEST_CASE("nearest suggests a close known word and nothing for a distant one", "[core][text]") {
    const std::vector<std::string> known{"frames", "policy", "refs"};
    CHECK(nearest("frame", known) == "frames");
    CHECK(nearest("polcy", known) == "policy");
    CHECK(nearest("zzzzzzzz", known).empty());
}

TEST_CASE("Error::to_string names line and column when known", "[core][result]") {
    CHECK(Error{3, 8, "bad value"}.to_string() == "3:8: bad value");
    CHECK(Error{3, 0, "bad value"}.to_string() == "3: bad value");
    CHECK(Error{0, 0, "bad value"}.to_string() == "bad value");
}

TEST_CASE("Prng gives the same sequence for the same seed on every platform", "[core][prng]") {
    Prng a{1}, b{1};
    for (int i = 0; i < 100; ++i) REQUIRE(a.next() == b.next());
    // SplitMix64's published first output for seed 0 (Vigna's reference implementation).
    Prng zero{0};
    CHECK(zero.next() == 0xE220A8397B1DCDAFull);
    Prng dice{7};
    for (int i = 0; i < 1000; ++i) {
        const auto v = dice.between(1, 6);
        REQUIRE(v >= 1);
        REQUIRE(v <= 6);
    }
}

TEST_CASE("invalid_utf8_at finds the first byte that is not UTF-8 text", "[core][text]") {
    CHECK_FALSE(invalid_utf8_at("plain ascii\nand more"));
    CHECK_FALSE(invalid_utf8_at("caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
    CHECK(invalid_utf8_at("ab\xFF") == 2u);
    CHECK(invalid_utf8_at("ab\xC3") == 2u);               // truncated
    CHECK(invalid_utf8_at("\xC0\xAF") == 0u);             // overlong '/'
    CHECK(invalid_utf8_at("\xED\xA0\x80") == 0u);         // a UTF-16 surrogate
    CHECK(invalid_utf8_at(std::string_view("a\0b", 3)) == 1u);
    CHECK(line_and_column("ab\ncd", 4) == std::pair<int, int>{2, 2});
}

TEST_CASE("valid_utf8 replaces bytes that are not UTF-8 and keeps valid text", "[core][text]") {
    using memsim::valid_utf8;
    CHECK(valid_utf8("plain\n") == "plain\n");
    CHECK(valid_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(valid_utf8("\xC8") == "\xEF\xBF\xBD");                    // putchar(200)
    CHECK(valid_utf8("a\xC8z") == "a\xEF\xBF\xBDz");
    CHECK(valid_utf8("\xE2\x82") == "\xEF\xBF\xBD\xEF\xBF\xBD");    // truncated sequence
    CHECK(valid_utf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");    // overlong
    CHECK(valid_utf8("\xED\xA0\x80").size() == 9);                  // a surrogate: three bad bytes
    CHECK_FALSE(memsim::invalid_utf8_at(valid_utf8("\xFF\xFE x \x80")));
}
