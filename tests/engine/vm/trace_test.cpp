#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/vm/trace.hpp"

using namespace memsim::vm;

TEST_CASE("Reference strings accept commas, spaces, newlines, hex and write marks", "[vm][trace]") {
    const auto t = parse_reference_string("7, 0 1\n0x10,2w\n# comment\n3");
    REQUIRE(t);
    CHECK(t->pages == std::vector<std::uint64_t>{7, 0, 1, 16, 2, 3});
    CHECK(t->writes == std::vector<std::uint8_t>{0, 0, 0, 0, 1, 0});
}

TEST_CASE("A bad token in a reference string names its line and column", "[vm][trace]") {
    const auto t = parse_reference_string("1,2\n3, x4");
    REQUIRE_FALSE(t);
    CHECK(t.error().line == 2);
    CHECK(t.error().column == 4);
    CHECK(t.error().message.find("'x4'") != std::string::npos);
    CHECK_FALSE(parse_reference_string(" , \n"));  // empty
}

TEST_CASE("R/W traces map addresses to pages by the page size", "[vm][trace]") {
    const auto t = parse_rw_trace("R 0x1a2b\nW 0x3000\n\nr 4095", {.page_size = 4096});
    REQUIRE(t);
    CHECK(t->pages == std::vector<std::uint64_t>{1, 3, 0});
    CHECK(t->writes == std::vector<std::uint8_t>{0, 1, 0});
}

TEST_CASE("R/W trace errors say what was expected where", "[vm][trace]") {
    const auto kind = parse_rw_trace("R 0x10\nX 0x20", {});
    REQUIRE_FALSE(kind);
    CHECK(kind.error().to_string() == "2:1: expected R or W, found 'X'");
    const auto addr = parse_rw_trace("W  0xZZ", {});
    REQUIRE_FALSE(addr);
    CHECK(addr.error().line == 1);
    CHECK(addr.error().column == 4);
    const auto wide = parse_rw_trace("R 0x10000", {.page_size = 256, .va_bits = 16});
    REQUIRE_FALSE(wide);
    CHECK(wide.error().message == "address 0x10000 does not fit in 16 bits");
}

TEST_CASE("Lackey traces read I, L, S and M lines and split accesses across pages", "[vm][trace]") {
    const std::string text =
        "==123== Lackey, an example Valgrind tool\n"
        "I  04016aa0,3\n"
        " S 7ff000ef8,8\n"
        " L 00001ffe,4\n"   // bytes 0x1ffe..0x2001: pages 1 and 2
        " M 0402a000,4\n";
    const auto t = parse_lackey_trace(text, {.page_size = 4096});
    REQUIRE(t);
    CHECK(t->pages == std::vector<std::uint64_t>{0x4016, 0x7ff000, 1, 2, 0x402a});
    CHECK(t->writes == std::vector<std::uint8_t>{0, 1, 0, 0, 1});
    const auto bad = parse_lackey_trace("I  04016aa0,3\n L 0400,\n", {});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().line == 2);
}

TEST_CASE("Page sizes must be powers of two", "[vm][trace]") {
    CHECK(check_page_size(4096));
    CHECK_FALSE(check_page_size(1000));
    CHECK_FALSE(check_page_size(0));
    CHECK_FALSE(parse_trace("R 0x1", TraceFormat::ReadWrite, {.page_size = 3000}));
}

TEST_CASE("densify keeps small page numbers and compacts large ones in page order", "[vm][trace]") {
    const auto small = densify(Trace{{5, 2, 5}, {0, 0, 0}, {}});
    CHECK(small.ids == std::vector<std::uint32_t>{5, 2, 5});
    CHECK(small.pages.size() == 6);
    const auto big = densify(Trace{{0x7ff000000, 0x10, 0x7ff000000}, {0, 1, 0}, {}});
    CHECK(big.ids == std::vector<std::uint32_t>{1, 0, 1});
    CHECK(big.pages == std::vector<std::uint64_t>{0x10, 0x7ff000000});
}

TEST_CASE("R/W trace lines may name a process", "[vm][trace]") {
    const auto t = parse_rw_trace("R 0x1000\nP2 W 0x2000\np1 r 0x0", {.page_size = 4096});
    REQUIRE(t);
    CHECK(t->processes == std::vector<std::uint32_t>{0, 2, 1});
    CHECK(parse_rw_trace("R 0x1000", {})->processes.empty());
    const auto bad = parse_rw_trace("R 0x1\nPx R 0x2", {});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().to_string() == "2:1: expected a process id such as P1, found 'Px'");
}

TEST_CASE("Trace readers never crash on random text and always say where it went wrong", "[vm][trace][property]") {
    memsim::Prng rng{13};
    const std::string alphabet = "RWILSMPrw0123456789abcdefx, \n\t#=-";
    for (int i = 0; i < 3000; ++i) {
        std::string text;
        const auto length = rng.below(40);
        for (std::uint64_t k = 0; k < length; ++k) text += alphabet[static_cast<std::size_t>(rng.below(alphabet.size()))];
        for (const auto format : {TraceFormat::Refs, TraceFormat::ReadWrite, TraceFormat::Lackey}) {
            const auto t = parse_trace(text, format, {.page_size = 256, .va_bits = 16});
            if (t) {
                REQUIRE(t->pages.size() == t->writes.size());
                REQUIRE_FALSE(t->pages.empty());
            } else if (t.error().message != "the trace has no references") {
                INFO(text);
                REQUIRE(t.error().line >= 1);
                REQUIRE(t.error().column >= 1);
            }
        }
    }
}
