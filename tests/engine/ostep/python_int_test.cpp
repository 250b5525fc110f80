#include <catch2/catch.hpp>

#include "memsim/ostep/optparse.hpp"
#include "memsim/ostep/python_int.hpp"

using namespace memsim::ostep;

// The expected values are what CPython 3.11 gives for int(text, base) and for optparse's
// type="int" (python3 -c "print(int(' -1_000 ', 10), int('0x1f', 16), int('010', 8))").
TEST_CASE("parse_python_int follows int() for spaces, signs, underscores and prefixes", "[ostep][pyint]") {
    CHECK(parse_python_int(" -1_000 ", 10)->str() == "-1000");
    CHECK(parse_python_int("010", 10)->str() == "10");
    CHECK(parse_python_int("0x1f", 16)->str() == "31");
    CHECK(parse_python_int("0x_1f", 16)->str() == "31");
    CHECK(parse_python_int("-0", 10)->str() == "0");
    CHECK_FALSE(parse_python_int("1__0", 10));
    CHECK_FALSE(parse_python_int("_1", 10));
    CHECK_FALSE(parse_python_int("1_", 10));
    CHECK_FALSE(parse_python_int("", 10));
    CHECK(parse_python_int("12q", 10).error().message == "ValueError: invalid literal for int() with base 10: '12q'");
}

TEST_CASE("parse_optparse_int picks the base from the prefix as optparse does", "[ostep][pyint]") {
    CHECK(parse_optparse_int("0x10")->str() == "16");
    CHECK(parse_optparse_int("010")->str() == "8");
    CHECK(parse_optparse_int("0b101")->str() == "5");
    CHECK(parse_optparse_int("0b")->str() == "0");
    CHECK_FALSE(parse_optparse_int("08"));
    CHECK_FALSE(parse_optparse_int(" 0x10"));
}

TEST_CASE("PyInt keeps big seeds whole and prints them in decimal", "[ostep][pyint]") {
    const auto big = parse_python_int("18446744073709551621", 10);  // 2**64 + 5
    REQUIRE(big);
    CHECK(big->seed_key() == std::vector<std::uint32_t>{5, 0, 1});
    CHECK(big->str() == "18446744073709551621");
    CHECK_FALSE(big->to_i64());
    CHECK(parse_python_int("-9223372036854775808", 10)->to_i64() == INT64_MIN);
}

TEST_CASE("py_repr quotes like Python's repr of a str", "[ostep][pyint]") {
    CHECK(py_repr("abc") == "'abc'");
    CHECK(py_repr("it's") == "\"it's\"");
    CHECK(py_repr("a\nb\\") == "'a\\nb\\\\'");
}

TEST_CASE("wrap_text breaks help lines at spaces and after hyphens between letters", "[ostep][optparse]") {
    // textwrap.wrap('list order (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK)', 54)
    CHECK(wrap_text("list order (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK)", 54) ==
          std::vector<std::string>{"list order (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-", "FRONT, INSERT-BACK)"});
    CHECK(wrap_text("align allocated units to size; -1->no align", 54) ==
          std::vector<std::string>{"align allocated units to size; -1->no align"});
}
