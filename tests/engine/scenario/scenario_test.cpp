#include <catch2/catch.hpp>

#include "memsim/scenario/scenario.hpp"
#include "memsim/scenario/settings.hpp"

using namespace memsim;
using namespace memsim::scenario;

TEST_CASE("A scenario splits into front matter and a body with file line numbers", "[scenario]") {
    const std::string text =
        "+++\n"                       // 1
        "format = 1\n"                // 2
        "title = \"Demo\"\n"          // 3
        "kind = \"references\"\n"     // 4
        "[vm]\n"                      // 5
        "frames = 3\n"                // 6
        "+++\n"                       // 7
        "7 0 1 2\n";                  // 8
    const auto s = parse_scenario(text);
    REQUIRE(s);
    CHECK(s->title == "Demo");
    CHECK(s->kind == BodyKind::References);
    CHECK(s->body == "7 0 1 2\n");
    CHECK(s->body_first_line == 8);
    CHECK(s->front_matter_first_line == 2);
    std::vector<Error> errors;
    SettingsReader vm(*s->front_matter, "vm", errors, s->front_matter_first_line - 1);
    CHECK(vm.integer("frames", 8, 1, 64) == 3);
    vm.finish();
    CHECK(errors.empty());
}

TEST_CASE("Front-matter mistakes name line and column and what was expected", "[scenario][errors]") {
    SECTION("no opening +++") {
        const auto s = parse_scenario("format = 1\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 1);
        CHECK(s.error().message.find("'+++'") != std::string::npos);
    }
    SECTION("never closed") {
        const auto s = parse_scenario("+++\nformat = 1\ntitle = \"x\"\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("never closed") != std::string::npos);
    }
    SECTION("TOML syntax error is reported at its line in the file") {
        const auto s = parse_scenario("+++\nformat = 1\ntitle = \"unterminated\n+++\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 3);
        CHECK(s.error().column > 0);
    }
    SECTION("a table header that starts with no key character (once a toml++ assertion)") {
        const auto s = parse_scenario("+++\nformat = 1\n[>m]\nframes = 3\n+++\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 3);
        CHECK(s.error().column == 2);
        CHECK(s.error().message.find("saw '>'") != std::string::npos);
    }
    SECTION("wrong type") {
        const auto s = parse_scenario("+++\nformat = 1\ntitle = 42\n+++\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 3);
        CHECK(s.error().column == 9);
        CHECK(s.error().message == "title must be a string in quotes");
    }
    SECTION("unknown key suggests the nearest") {
        const auto s = parse_scenario("+++\nformat = 1\ntitel = \"x\"\n+++\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 3);
        CHECK(s.error().message == "unknown key 'titel' (did you mean 'title'?)");
    }
    SECTION("unknown body kind") {
        const auto s = parse_scenario("+++\nformat = 1\nkind = \"programme\"\n+++\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("did you mean 'program'?") != std::string::npos);
    }
    SECTION("a newer format is refused with a clear message") {
        const auto s = parse_scenario("+++\nformat = 2\n+++\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("format 2") != std::string::npos);
        CHECK(s.error().message.find("update memsim") != std::string::npos);
    }
    SECTION("format is required") {
        const auto s = parse_scenario("+++\ntitle = \"x\"\n+++\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("format = 1") != std::string::npos);
    }
    SECTION("empty file") {
        const auto s = parse_scenario("\n\n");
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("empty") != std::string::npos);
    }
}

TEST_CASE("SettingsReader checks ranges, choices, sizes and unknown keys", "[scenario][settings]") {
    const auto s = parse_scenario(
        "+++\n"
        "format = 1\n"
        "[vm]\n"                      // 3
        "frames = 0\n"                // 4
        "page_size = \"4K\"\n"        // 5
        "policy = \"lur\"\n"          // 6
        "tlb = \"yes\"\n"             // 7
        "frmaes = 2\n"                // 8
        "+++\n");
    REQUIRE(s);
    std::vector<Error> errors;
    SettingsReader vm(*s->front_matter, "vm", errors, s->front_matter_first_line - 1);
    CHECK(vm.integer("frames", 8, 1, 64) == 8);  // out of range: error, default kept
    CHECK(vm.integer("page_size", 4096, 16, 1u << 30) == 4096);
    CHECK(vm.choice("policy", "fifo", {"fifo", "lru", "opt"}) == "fifo");
    CHECK(vm.flag("tlb", false) == false);
    vm.finish();
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].line == 4);
    CHECK(errors[0].message == "vm.frames must be a whole number from 1 to 64");
    CHECK(errors[1].line == 6);
    CHECK(errors[1].message.find("did you mean 'lru'?") != std::string::npos);
    CHECK(errors[2].message == "vm.tlb must be true or false");
    CHECK(errors[3].line == 8);
    CHECK(errors[3].message == "unknown key 'vm.frmaes' (did you mean 'vm.frames'?)");
}

TEST_CASE("Front matter nested thousands of levels deep is refused before the TOML parser recurses", "[scenario]") {
    // Nested table headers: [a] [a.a] [a.a.a] ... (100 of them fit in the size limit)
    std::string headers = "+++\nformat = 1\n";
    std::string name = "a";
    for (int i = 0; i < 100; ++i) {
        headers += "[" + name + "]\n";
        name += ".a";
    }
    headers += "+++\n1 2 3\n";
    const auto deep = parse_scenario(headers);
    REQUIRE_FALSE(deep);
    CHECK(deep.error().line == 19);  // the 17th header, [a.a...] with 17 parts
    CHECK(deep.error().message.find("levels deep") != std::string::npos);
    // Arrays and inline tables nested 20,000 deep, and a dotted key of 20,000 parts.
    const auto arrays = parse_scenario("+++\nformat = 1\nx = " + std::string(20000, '[') + "\n+++\n1\n");
    REQUIRE_FALSE(arrays);
    CHECK(arrays.error().line == 3);
    CHECK(arrays.error().column == 5 + 16);
    // One header of 20,000 parts, a dotted key of 20,000 parts, the same in an inline table.
    std::string dotted = "k";
    for (int i = 0; i < 20000; ++i) dotted += ".k";
    CHECK_FALSE(parse_scenario("+++\nformat = 1\n[" + dotted + "]\n+++\n1\n"));
    CHECK_FALSE(parse_scenario("+++\nformat = 1\n" + dotted + " = 1\n+++\n1\n"));
    CHECK_FALSE(parse_scenario("+++\nformat = 1\nx = {" + dotted + " = 1}\n+++\n1\n"));
    // Strings and comments may hold any brackets and dots; ordinary nesting still works.
    const auto fine = parse_scenario(
        "+++\nformat = 1\nkind = \"references\"\nlesson = \"\"\"\n[[[[[[[[[[[[[[[[[[[[ a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r\n\"\"\"\n"
        "# [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[ x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x.x\n"
        "summary = 'a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s [[[[[[[[[[[[[[[[[[[['\n"
        "[vm]\nframes = 3\n"
        "+++\n1 2 3\n");
    INFO((fine ? std::string() : fine.error().message));
    CHECK(fine);
}
