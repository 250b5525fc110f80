#include <catch2/catch.hpp>

#include "memsim/machine/ops.hpp"

using namespace memsim::machine;

TEST_CASE("An ops body parses every kind of operation with its values", "[machine][ops]") {
    const auto ops = parse_ops(
        "# a comment line\n"
        "call main\n"
        "call fact(n=3) locals(result:4, buf:16)\n"
        "local extra 64\n"
        "set result 6\n"
        "p = malloc 24\n"
        "q = calloc 4 8\n"
        "p = realloc p 48\n"
        "read p+8 4\n"
        "write q-4 2 = 0x2a\n"
        "touch p 4K write\n"
        "free p\n"
        "return   # back to main\n"
        "fork\n"
        "switch 1\n"
        "exit\n",
        10);
    REQUIRE(ops);
    REQUIRE(ops->size() == 15);
    const Op& call = (*ops)[1];
    CHECK(call.kind == OpKind::Call);
    CHECK(call.line == 12);
    CHECK(call.function == "fact");
    REQUIRE(call.arguments.size() == 1);
    CHECK(call.arguments[0].name == "n");
    CHECK(call.arguments[0].value == 3);
    REQUIRE(call.locals.size() == 2);
    CHECK(call.locals[1].size == 16);
    CHECK((*ops)[4].kind == OpKind::Malloc);
    CHECK((*ops)[4].target == "p");
    CHECK((*ops)[5].count == 4);
    CHECK((*ops)[6].address.name == "p");
    CHECK((*ops)[6].size == 48);
    CHECK((*ops)[7].address.offset == 8);
    CHECK((*ops)[8].address.offset == -4);
    CHECK((*ops)[8].value == 42);
    CHECK((*ops)[9].size == 4096);
    CHECK((*ops)[9].write);
    CHECK((*ops)[13].process == 1);
}

TEST_CASE("Ops mistakes name the line, the column and what was expected", "[machine][ops][errors]") {
    struct Case {
        const char* body;
        int line, column;
        const char* message;
    };
    const Case cases[] = {
        {"free p\n", 5, 6, "'p' is not defined yet; expected an address: a defined name, name+offset or a number"},
        {"p = malloc 8\nfree q\n", 6, 6, "'q' is not defined yet; expected an address: a defined name, name+offset or a number (did you mean 'p'?)"},
        {"mallok 4\n", 5, 1, "unknown operation 'mallok' (did you mean 'malloc'?)"},
        {"malloc 4\n", 5, 1, "malloc needs a name for its result: 'p = malloc ...'"},
        {"p = malloc\n", 5, 11, "expected the number of bytes to allocate, found the end of the line"},
        {"p = malloc 12x\n", 5, 12, "'12x' is not a number (write 42, 0x2a or 4K)"},
        {"call f(n 3)\n", 5, 10, "expected '=' and the argument's value, found '3'"},
        {"return now\n", 5, 8, "expected the end of the line, found 'now'"},
        {"p = malloc 8\nread p 16\n", 6, 8, "the access size in bytes (1 to 8) must be from 1 to 8, got 16"},
        {"switch 99\n", 5, 8, "the process number must be from 0 to 63, got 99"},
        {"p = malloc 8 ; free p\n", 5, 14, "unexpected character ';'"},
    };
    for (const Case& c : cases) {
        INFO(c.body);
        const auto ops = parse_ops(c.body, 5);
        REQUIRE_FALSE(ops);
        CHECK(ops.error().line == c.line);
        CHECK(ops.error().column == c.column);
        CHECK(ops.error().message == c.message);
    }
}

TEST_CASE("An absurd allocation size is refused with the limit named", "[machine][ops][errors]") {
    const auto ops = parse_ops("p = malloc 0x10000000000000\n");
    REQUIRE_FALSE(ops);
    CHECK(ops.error().message.find("must be from 0 to 4294967296") != std::string::npos);
}
