// The glibc bins view model, built from a real glibc model state.
#include <catch2/catch.hpp>

#include "memsim/core/text.hpp"
#include "memsim/heap/glibc.hpp"
#include "ui/panels/heap_glibc_bins.hpp"

using namespace memsim;

TEST_CASE("The glibc bins view lists each non-empty bin in malloc's order with its chunks", "[ui][heap]") {
    heap::GlibcMalloc m;
    const std::uint64_t base = m.config().base;
    std::vector<std::uint64_t> small;
    for (int i = 0; i < 9; ++i) small.push_back(m.malloc(24));  // 8 to free, 1 guard before the top
    const std::uint64_t big = m.malloc(2000);
    m.malloc(24);
    for (int i = 0; i < 8; ++i) m.free(small[static_cast<std::size_t>(i)]);
    m.free(big);
    const ui::GlibcBinsView view = ui::make_glibc_bins_view(heap::arena_view(m), 2);
    REQUIRE(view.rows.size() == 3);
    CHECK(view.rows[0].bin == "tcache 0");
    CHECK(view.rows[0].sizes == "0x20");
    CHECK(view.rows[0].count == 7);
    CHECK(view.rows[0].chunks == hex(small[6] - 16) + " -> " + hex(small[5] - 16) + " ... (+5)");
    CHECK(view.rows[1].bin == "fastbin 0");
    CHECK(view.rows[1].count == 1);
    CHECK(view.rows[2].bin == "unsorted");
    CHECK(view.rows[2].chunks == hex(big - 16));
    m.malloc(3000);  // sorts the 2016-byte chunk into large bin 79, which holds chunks of 1984..2032 bytes (sizes are multiples of 16)
    const ui::GlibcBinsView sorted = ui::make_glibc_bins_view(heap::arena_view(m));
    REQUIRE(sorted.rows.size() == 3);
    CHECK(sorted.rows[2].bin == "large 79");
    CHECK(sorted.rows[2].sizes == "1984-2032");
    CHECK(ui::glibc_chunk_label(heap::arena_view(m), base) == "glibc's tcache struct");
    CHECK(ui::glibc_chunk_label(heap::arena_view(m), small[0] - 16) == "in tcache 0");
    CHECK(ui::glibc_chunk_label(heap::arena_view(m), m.top()) == "top chunk");
    CHECK_THAT(view.summary, Catch::Contains("mmap threshold 128 KiB") && Catch::Contains("tcache struct " + hex(base)));
}
