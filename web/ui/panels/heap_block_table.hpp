#pragma once
// The Heap panel's table of blocks, one row per block: its address, size, payload address,
// the bytes the program asked for and its state. A narrow panel (three panels side by side
// at 1366 pixels, a phone) keeps block, size and state and moves payload and asked into
// each row's tooltip; where even those three do not fit, the table scrolls sideways. No
// column's text is ever cut off at its edge.
#include <cstdint>
#include <string>

#include "ui/panels/heap_panel.hpp"

namespace memsim::ui {

// Which columns the table shows.
enum class BlockColumns { All, NoPayload, NoPayloadScrolling };

// Each column's widest text in pixels, its header included.
struct BlockColumnWidths {
    float block = 0, size = 0, payload = 0, asked = 0, state = 0;
};

// The columns that fit `available` pixels when each column also takes `cell_padding`.
BlockColumns choose_block_columns(const BlockColumnWidths& widths, float cell_padding, float available);

// A block's state as the table says it: "free", "allocated p", "LEAKED struct node", "allocated (mmap)".
std::string block_state_text(const HeapBlockRow& row);

// The details of one block under the mouse (the bar and the table).
void block_tooltip(const HeapBlockRow& row);

// `version` changes whenever `view` does: the widest texts are found once per version,
// since a heap may hold 100,000 blocks.
void draw_block_table(const HeapView& view, std::uint64_t version, const Palette& palette);

}  // namespace memsim::ui
