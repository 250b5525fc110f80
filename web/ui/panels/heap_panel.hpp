#pragma once
// Heap: the brk heap as a bar to scale along its addresses, each block split into its
// overhead (header, footer, padding), the payload the program asked for, or free space;
// blocks in their own mmap regions listed apart. Hover for a block's details. Gauges for
// utilisation and fragmentation; the allocator's name and counters.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "memsim/machine/snapshot.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

enum class HeapPart : std::uint8_t { Overhead, Payload, Free };

// A piece of the bar: bytes [start, end) of one block.
struct HeapSegment {
    std::uint64_t start = 0, end = 0;
    HeapPart part = HeapPart::Free;
    std::size_t block = 0;  // index into HeapView::blocks
};

struct HeapBlockRow {
    heap::BlockView block;
    std::string name{};  // the scenario's name for its payload pointer ("p"), or a program's type ("struct node")
    bool leaked = false;  // a program's block that no pointer reaches any more
};



struct HeapView {
    bool has_heap = false;
    std::uint64_t start = 0, end = 0;           // the brk heap [start, brk)
    std::vector<HeapSegment> segments;          // brk-heap blocks, address order
    std::vector<HeapBlockRow> blocks;           // every block, mapped ones too
    std::vector<std::size_t> mapped;            // indices of blocks in their own mmap region
    std::vector<std::vector<std::uint64_t>> free_lists;  // explicit lists: blocks in search order
    double utilisation = 0;                     // live payload / heap size, now
    double external_fragmentation = 0;          // 1 - largest free / all free
    double internal_fragmentation = 0;          // overhead share of live blocks
    std::string allocator;
    heap::HeapMetrics metrics;
    std::optional<heap::GlibcArenaView> glibc;  // the glibc allocator's bins (heap_glibc_bins.hpp)
};

HeapView make_heap_view(const machine::Snapshot& snapshot, const std::string& allocator);

// Where the bar draws each address. Blocks narrower than `min_pixels` are widened to it
// (the others give up the room), so a 64-byte hole in a 1 MiB heap stays visible; the
// bar then says it is not to scale.
struct HeapBarScale {
    std::vector<std::uint64_t> starts;  // each piece's first address (blocks and gaps), ascending
    std::vector<float> xs;              // its left edge in pixels; one more entry: the right end
    std::uint64_t end = 0;
    bool to_scale = true;
    float x_of(std::uint64_t address) const;
    std::uint64_t address_of(float x) const;
};
HeapBarScale make_bar_scale(const HeapView& view, float width, float min_pixels);

// The bar shrunk to `pixels` columns for large heaps: each column shows the part that
// covers most of its bytes (free only when nothing else is there, so a lone small
// allocation stays visible); -1 where no block lies.
std::vector<int> heap_bar_columns(const HeapView& view, int pixels);

// A part's colour in the bar and the block table (a block in its own mmap region has one).
ImU32 part_colour(HeapPart part, bool mapped, const Palette& palette);

// The allocator the loaded scenario asks for (its [heap] allocator, or the default).
std::string scenario_allocator(const Controller& controller);

void draw_heap_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
