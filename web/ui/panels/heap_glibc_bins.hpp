#pragma once
// glibc's bins in the Heap panel (allocator "glibc"): one row per non-empty bin, in the
// order malloc looks (tcache, fastbins, unsorted, small, large), each with its chunk sizes,
// its count and its chunks in list order; above them the top chunk and the thresholds.
//
//   top 0x4042d0 (134448 bytes)  brk 0x425000  mmap threshold 128 KiB  trim 128 KiB
//   tcache   0x20     2   0x4042b0 -> 0x404290
//   unsorted any      1   0x404500
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/heap/glibc_view.hpp"

namespace memsim::ui {

struct GlibcBinRow {
    std::string bin;      // "tcache", "fastbin 0", "unsorted", "small 5", "large 70"
    std::string sizes;    // "0x20", "1024-1087", "any"
    std::size_t count = 0;
    std::string chunks;   // "0x4042b0 -> 0x404290" (the first few, then "... (+N)")
};

struct GlibcBinsView {
    std::string summary;  // top, brk, thresholds, last remainder, mappings
    std::vector<GlibcBinRow> rows;
};

// Built once per step (const: reads the arena only). `max_chunks` caps each row's text.
GlibcBinsView make_glibc_bins_view(const heap::GlibcArenaView& arena, std::size_t max_chunks = 4);

// Where a chunk is, for the block table: "in tcache 0", "top chunk", "glibc's tcache
// struct"; empty for a chunk in use.
std::string glibc_chunk_label(const heap::GlibcArenaView& arena, std::uint64_t chunk);

// Draws the summary and the table (its height capped at `max_height` pixels, scrolling).
void draw_glibc_bins(const GlibcBinsView& view, float max_height);

}  // namespace memsim::ui
