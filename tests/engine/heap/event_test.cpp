// Event names and their plain-word explanations.
#include <catch2/catch.hpp>

#include "memsim/heap/event.hpp"

using namespace memsim::heap;

TEST_CASE("every event kind has a name and an explanation", "[heap][event]") {
    for (int k = 0; k <= static_cast<int>(HeapEventKind::Leak); ++k) {
        const HeapEvent e{static_cast<HeapEventKind>(k), 0, 0x10, 16, 0x20, 2};
        CHECK(to_string(e.kind) != "?");
        CHECK(explain(e) != "?");
    }
    CHECK(is_error(HeapEventKind::DoubleFree));
    CHECK_FALSE(is_error(HeapEventKind::Split));
}

TEST_CASE("explanations carry the values of the event", "[heap][event]") {
    const HeapEvent split{HeapEventKind::Split, 3, 0x10000008, 48, 4032, 0};
    CHECK(explain(split) == "split the block at 0x10000008: 48 bytes for the request, 4032 bytes stay free after it");
    const HeapEvent search{HeapEventKind::Search, 3, 0x10000008, 4080, 0, 1};
    CHECK(explain(search) == "looked at 1 block(s) and chose the 4080-byte block at 0x10000008");
    CHECK(to_string(HeapEventKind::UseAfterFree) == "use-after-free");
}
