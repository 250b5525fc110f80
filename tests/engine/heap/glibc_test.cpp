// The glibc model on hand-worked examples. The same rules are checked against the real
// glibc on random traces by the glibc-oracle test (tests/tools/glibc_oracle.cpp).
#include <catch2/catch.hpp>

#include "memsim/heap/glibc.hpp"
#include "memsim/heap/glibc_trace.hpp"

using namespace memsim::heap;

namespace {
std::vector<GlibcEventKind> kinds(const std::vector<GlibcEvent>& events) {
    std::vector<GlibcEventKind> out;
    for (const auto& e : events) out.push_back(e.kind);
    return out;
}
}  // namespace

TEST_CASE("The first malloc returns heap + 0x2a0 because the tcache struct comes first", "[heap][glibc]") {
    GlibcMalloc m;
    const std::uint64_t base = m.config().base;
    // request2size(640) = 656 = 0x290 for the tcache struct; malloc(10) needs 32 bytes
    // next: its chunk is at 0x290, its payload 16 bytes on.
    CHECK(m.malloc(10) == base + 0x2a0);
    // The first sbrk asked for 656 + top_pad (0x20000) + 32 = 0x202b0, rounded to 0x21000.
    CHECK(m.brk() == base + 0x21000);
    CHECK(m.top() == base + 0x2b0);
    CHECK(m.top_size() == 0x21000 - 0x2b0);
    CHECK(m.usable_size(base + 0x2a0) == 24);
    CHECK(m.check().empty());
}

TEST_CASE("A freed chunk comes straight back from its tcache bin, newest first", "[heap][glibc]") {
    GlibcMalloc m;
    const std::uint64_t a = m.malloc(24), b = m.malloc(24);
    m.free(a);
    m.free(b);
    CHECK(m.tcache_count(0) == 2);
    CHECK(m.tcache_list(0) == std::vector<std::uint64_t>{b - 16, a - 16});
    std::vector<GlibcEvent> events;
    m.set_event_sink(&events);
    CHECK(m.malloc(24) == b);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == GlibcEventKind::FromTcache);
    CHECK(events[0].count == 1);  // one chunk left behind
    CHECK_THAT(explain(events[0]), Catch::Contains("24 bytes") && Catch::Contains("the tcache bin for 32-byte chunks had 2 chunks; the newest was returned"));
}

TEST_CASE("The eighth free of a size goes to a fastbin; malloc empties the tcache first", "[heap][glibc]") {
    GlibcMalloc m;
    std::vector<std::uint64_t> p;
    for (int i = 0; i < 8; ++i) p.push_back(m.malloc(24));
    m.malloc(24);  // a guard, so the last chunk does not border the top
    for (auto q : p) m.free(q);
    CHECK(m.tcache_count(0) == 7);
    CHECK(m.fastbin_list(0) == std::vector<std::uint64_t>{p[7] - 16});
    CHECK(m.check().empty());
    for (int i = 6; i >= 0; --i) CHECK(m.malloc(24) == p[static_cast<std::size_t>(i)]);
    CHECK(m.malloc(24) == p[7]);
    CHECK(m.fastbin_list(0).empty());
}

TEST_CASE("Freeing a mapped chunk moves the mmap threshold so the next one comes from the heap", "[heap][glibc]") {
    GlibcMalloc m;
    const std::uint64_t big = m.malloc(200000);
    CHECK(m.is_mapped(big));
    CHECK(m.usable_size(big) == 200704 - 16);  // 200016 + 8 rounded up to 49 pages, less the header
    m.free(big);
    CHECK(m.mmap_threshold() == 200704);
    CHECK(m.trim_threshold() == 2 * 200704);
    const std::uint64_t again = m.malloc(200000);
    CHECK_FALSE(m.is_mapped(again));
    CHECK(again == m.config().base + 0x2a0);
    CHECK(m.check().empty());
}

TEST_CASE("A chunk above the tcache's sizes goes to the unsorted bin and is sorted by the next malloc", "[heap][glibc]") {
    GlibcMalloc m;
    const std::uint64_t a = m.malloc(2000);
    m.malloc(24);  // keeps `a` off the top
    m.free(a);
    CHECK(m.bin_list(1) == std::vector<std::uint64_t>{a - 16});
    std::vector<GlibcEvent> events;
    m.set_event_sink(&events);
    m.malloc(3000);  // does not fit: `a` (a 2016-byte chunk) goes to large bin 48 + 2016/64 = 79
    CHECK(m.bin_list(79) == std::vector<std::uint64_t>{a - 16});
    CHECK(kinds(events) == std::vector{GlibcEventKind::Sorted, GlibcEventKind::FromTop});
    CHECK((m.binmap(2) & (1u << (79 - 64))) != 0);
    CHECK(m.check().empty());
}

TEST_CASE("Double frees get glibc's own messages and change nothing", "[heap][glibc]") {
    GlibcMalloc m;
    std::vector<GlibcEvent> events;
    m.set_event_sink(&events);
    const std::uint64_t a = m.malloc(24);
    m.free(a);
    events.clear();
    m.free(a);
    REQUIRE(events.size() == 1);
    CHECK(events[0].message == "free(): double free detected in tcache 2");
    CHECK(m.tcache_count(0) == 1);
    m.free(a + 8);
    CHECK(events.back().message == "free(): invalid pointer");
    CHECK(m.check().empty());
}

TEST_CASE("The heap checker notices a chunk header overwritten by the program", "[heap][glibc]") {
    GlibcMalloc m;
    const std::uint64_t a = m.malloc(24);
    m.malloc(24);
    REQUIRE(m.check().empty());
    m.overwrite(a - 8, 0x41);  // the size field of a's chunk: 0x40 | P instead of 0x20 | P
    CHECK_FALSE(m.check().empty());
}

TEST_CASE("realloc grows into the top in place, then moves when a neighbour is in use", "[heap][glibc]") {
    GlibcMalloc m;
    const std::uint64_t a = m.malloc(24);
    CHECK(m.realloc(a, 100) == a);  // a borders the top: it grows into it
    CHECK(m.usable_size(a) == 104);
    const std::uint64_t b = m.malloc(24);
    const std::uint64_t moved = m.realloc(a, 1000);
    CHECK(moved == b + 32);  // from the top, after b; a's old chunk goes to its tcache bin
    CHECK(m.tcache_count(static_cast<int>(glibc::tcache_index(112))) == 1);
    CHECK(m.check().empty());
}

TEST_CASE("A trace replays in the format of the real-glibc driver", "[heap][glibc]") {
    const auto trace = parse_rep("0\n2\n4\n1\na 0 10\nc 1 50\nf 0\nr 1 0\n");
    REQUIRE(trace);
    const GlibcRun run = run_glibc_trace(*trace, {.check_every_op = true});
    CHECK(run.offsets == "mmap-base 0x0\n0 0x2a0 24\n1 0x2c0 56\n0 -\n1 null\n");
    CHECK(run.problems.empty());
}
