// The memory contents model: bytes, written flags, whole-page fills and copy-on-write.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>

#include "memsim/machine/byte_flags.hpp"
#include "memsim/machine/page_store.hpp"

using memsim::machine::ByteFlags;
using memsim::machine::PageStore;

TEST_CASE("Byte flags set, clear and test ranges that cross their 64-bit words", "[machine][page_store]") {
    ByteFlags flags;
    flags.assign(200, false);  // four words, the last one partly used
    flags.set(60, 8, true);    // bits 60..67: the end of word 0 and the start of word 1
    CHECK(flags.all(60, 8));
    CHECK_FALSE(flags.all(59, 2));
    CHECK_FALSE(flags.all(67, 2));
    CHECK(flags.test(63));
    CHECK(flags.test(64));
    CHECK_FALSE(flags.test(68));
    flags.set(0, 200, true);
    flags.set(64, 64, false);  // exactly word 1
    CHECK(flags.all(0, 64));
    CHECK(flags.all(128, 72));
    CHECK_FALSE(flags.all(0, 65));
    CHECK_FALSE(flags.test(127));
    CHECK(flags.test(199));
}

TEST_CASE("Loads of 1 to 8 bytes read the little-endian value and whether each byte was written", "[machine][page_store]") {
    PageStore m(4096);
    m.write(0x100, 8, 0x0807060504030201ull);
    m.write(0x108, 1, 0x09);
    for (std::uint32_t size = 1; size <= 8; ++size) {
        const std::uint64_t mask = size == 8 ? ~0ull : (1ull << (8 * size)) - 1;
        CHECK(m.read_checked(0x100, size).value == (0x0807060504030201ull & mask));
        CHECK(m.read_checked(0x100, size).initialized);
        CHECK(m.read_checked(0x102, size).value == ((0x0908070605040302ull >> 8) & mask));
        CHECK(m.read_checked(0x102, size).initialized == (size <= 7));  // 0x109 was never written
    }
}

TEST_CASE("Reads see what was written, zero and uninitialised elsewhere", "[machine][page_store]") {
    PageStore m(4096);
    m.write(0x1ffe, 4, 0x11223344);  // across a page boundary
    CHECK(m.read(0x1ffe, 4) == 0x11223344u);
    CHECK(m.initialized(0x1ffe, 4));
    CHECK_FALSE(m.initialized(0x1ffd, 2));
    CHECK(m.read(0x5000, 8) == 0);
    CHECK(m.page_count() == 2);
}

TEST_CASE("Fills cover partial and whole pages and leave the bytes around them alone", "[machine][page_store]") {
    PageStore m(4096);
    m.write(0x0ff0, 1, 9);
    m.write(0x3010, 1, 8);
    m.fill(0x0ff8, 0x2000 + 0x10, 0x5a);  // the end of page 0, pages 1 and 2, the start of page 3
    CHECK(m.read(0x0ff0, 1) == 9);
    CHECK_FALSE(m.initialized(0x0ff7, 1));
    CHECK(m.initialized(0x0ff8, 0x2010));
    CHECK(m.read(0x0ff8, 1) == 0x5a);
    CHECK(m.read(0x2abc, 8) == 0x5a5a5a5a5a5a5a5aull);
    CHECK(m.read(0x3007, 1) == 0x5a);
    CHECK(m.read(0x3008, 1) == 0);
    CHECK(m.read(0x3010, 1) == 8);
    // A byte written into a filled page makes it mixed without losing the fill.
    m.write(0x1800, 1, 1);
    CHECK(m.read(0x17ff, 3) == 0x5a015au);
    CHECK(m.initialized(0x1000, 0x1000));
}

TEST_CASE("Copies keep uninitialised bytes uninitialised and behave like memmove", "[machine][page_store]") {
    PageStore m(4096);
    m.fill(0x1000, 0x1000, 7);  // page 1 all sevens
    m.write(0x2004, 1, 3);      // page 2: one byte
    m.copy(0x11000, 0x1000, 0x2000);
    CHECK(m.read(0x11abc, 1) == 7);
    CHECK(m.initialized(0x11000, 0x1000));
    CHECK(m.read(0x12004, 1) == 3);
    CHECK_FALSE(m.initialized(0x12005, 1));
    // Unaligned and overlapping, both directions.
    for (std::uint64_t i = 0; i < 100; ++i) m.write(0x40000 + i, 1, i);
    m.copy(0x40003, 0x40000, 100);
    CHECK(m.read(0x40003, 1) == 0);
    CHECK(m.read(0x40003 + 99, 1) == 99);
    m.copy(0x40000, 0x40003, 100);
    CHECK(m.read(0x40000 + 50, 1) == 50);
    // A copy shares whole pages: changing the target does not change the source.
    m.write(0x11000, 1, 1);
    CHECK(m.read(0x1000, 1) == 7);
}

TEST_CASE("A copy of the store keeps its bytes when the original changes (copy-on-write)", "[machine][page_store]") {
    PageStore m(4096);
    m.fill(0x1000, 0x3000, 1);
    const PageStore checkpoint = m;
    m.write(0x1000, 1, 2);
    m.fill(0x2000, 0x1000, 3);
    m.discard(0x3000, 0x800);
    CHECK(checkpoint.read(0x1000, 1) == 1);
    CHECK(checkpoint.read(0x2000, 1) == 1);
    CHECK(checkpoint.initialized(0x3000, 0x1000));
    CHECK(m.read(0x1000, 1) == 2);
    CHECK(m.read(0x2000, 1) == 3);
    CHECK_FALSE(m.initialized(0x3000, 1));
    CHECK(m.initialized(0x3800, 0x800));
    m.discard(0x1000, 0x2000);  // whole pages are forgotten
    CHECK(m.page_count() == 1);
}

TEST_CASE("Filling 256 MiB (calloc(1, 1 << 28)) costs per page, not per byte", "[machine][page_store][bench]") {
    PageStore m(4096);
    const auto start = std::chrono::steady_clock::now();
    m.fill(0x10000010, 1u << 28, 0);  // not page-aligned: two partial pages
    m.fill(0x10000010, 1u << 28, 0);  // again: nothing changes
    const bool all = m.initialized(0x10000010, 1u << 28);
    m.copy(0x40000010, 0x10000010, 1u << 28);  // realloc's move
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::printf("page store: fill + fill + check + copy of 256 MiB took %.1f ms, %zu pages\n", ms, m.page_count());
    CHECK(all);
    CHECK(m.read(0x40000010 + (1u << 27), 8) == 0);
    CHECK(m.page_count() == 2 * ((1u << 28) / 4096 + 1));
    CHECK(ms < 20000);  // the goal is well under a second; fail only far above it
}
