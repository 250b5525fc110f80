#include <catch2/catch.hpp>

#include "memsim/vm/frame_table.hpp"

using namespace memsim::vm;

TEST_CASE("Loading a page sets R, and M only for a write", "[vm][frame-table]") {
    FrameTable table(3);
    CHECK(table.size() == 3);
    CHECK(table.owner[1] == no_owner);
    table.load(1, 2, 0x42, true);
    CHECK(table.owner[1] == 2);
    CHECK(table.vpn[1] == 0x42);
    CHECK(table.referenced[1] == 1);
    CHECK(table.dirty[1] == 1);
    table.load(2, 0, 7, false);
    CHECK(table.dirty[2] == 0);
}

TEST_CASE("FrameBits view a share of the frames and count early write-backs", "[vm][frame-table]") {
    FrameTable table(4);
    table.load(3, 0, 9, true);
    FrameBits bits = table.bits(2);  // frames 2 and 3 seen as 0 and 1
    CHECK(bits.dirty[1] == 1);
    bits.clean(1);
    CHECK(table.dirty[3] == 0);
    CHECK(table.cleaned[3] == 1);
    CHECK(bits.writebacks == 1);
}
