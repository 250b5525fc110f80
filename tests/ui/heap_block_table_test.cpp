// The Heap panel's block table: which columns fit, and the state words.
#include <catch2/catch.hpp>

#include "ui/panels/heap_block_table.hpp"

using namespace memsim;

TEST_CASE("The block table drops payload and asked before any column would be cut off", "[ui][heap]") {
    // Widths as the default font draws "0x404000", "4048", "0x404010", "16", "LEAKED struct node".
    const ui::BlockColumnWidths widths{.block = 60, .size = 32, .payload = 60, .asked = 36, .state = 130};
    const float padding = 9;
    CHECK(ui::choose_block_columns(widths, padding, 318 + 45) == ui::BlockColumns::All);
    CHECK(ui::choose_block_columns(widths, padding, 318 + 44) == ui::BlockColumns::NoPayload);  // one pixel short
    CHECK(ui::choose_block_columns(widths, padding, 222 + 27) == ui::BlockColumns::NoPayload);
    CHECK(ui::choose_block_columns(widths, padding, 222 + 26) == ui::BlockColumns::NoPayloadScrolling);
}

TEST_CASE("A block's state says free, allocated or LEAKED, mmap and its name", "[ui][heap]") {
    ui::HeapBlockRow row;
    CHECK(ui::block_state_text(row) == "free");
    row.block.allocated = true;
    row.name = "p";
    CHECK(ui::block_state_text(row) == "allocated p");
    row.block.mapped = true;
    CHECK(ui::block_state_text(row) == "allocated (mmap) p");
    row.leaked = true;
    row.block.mapped = false;
    row.name = "struct node";
    CHECK(ui::block_state_text(row) == "LEAKED struct node");
}
