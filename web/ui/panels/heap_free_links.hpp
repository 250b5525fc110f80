#pragma once
#include <functional>
// The explicit free lists drawn over the heap bar: an arc from each free block to the
// next one on its list (the succ link), in the order a search walks them, so LIFO,
// FIFO and address order look different at a glance. Lists longer than the bar can show
// are summarised in words instead.
#include <cstdint>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/palette.hpp"

namespace memsim::ui {

struct HeapView;

// One link: from the block at `from` to the block at `to` (both block addresses).
struct FreeLink {
    std::uint64_t from = 0, to = 0;
    std::uint64_t from_end = 0, to_end = 0;  // the blocks' ends, to find their middles
    std::size_t list = 0;                    // which list (segregated: one per class)
};

// The links of every list, and the first blocks of the lists as text, lists apart by
// "; " ("0x10000008 (48) -> 0x10000058 (80); 0x10000400 (512)", at most `max_text` blocks).
struct FreeLinks {
    std::vector<FreeLink> links;
    std::size_t lists = 0, blocks = 0;
    std::string text;
};

FreeLinks make_free_links(const HeapView& view, std::size_t max_text = 6);

// Draws the arcs below a bar at `bar_min` of `width` x `height` over [start, end) and
// reserves the space they take; nothing when there are more links than `max_links`.
// `x_of` places an address on the bar (pixels from its left edge); empty = to scale.
void draw_free_links(const FreeLinks& links, std::uint64_t start, std::uint64_t end, ImVec2 bar_min, float width,
                     float height, const Palette& palette, std::size_t max_links = 256,
                     const std::function<float(std::uint64_t)>& x_of = {});

}  // namespace memsim::ui
