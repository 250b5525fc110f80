#include <catch2/catch.hpp>

#include "memsim/vm/replacement/frequency.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("LFU evicts the page with the fewest uses since it was loaded", "[vm][lfu]") {
    // 1 loaded (count 1), 1 hit (2), 2 loaded (1), 3 loaded (1), 2 hit (2).
    // 4 faults: counts 1:2, 2:2, 3:1 -> evict 3.
    const auto run = replay(PolicyKind::Lfu, 3, "1,1,2,3,2,4");
    CHECK(run.faults == 4);
    CHECK(victims(run) == V{3});
}

TEST_CASE("LFU breaks ties by evicting the page loaded first", "[vm][lfu]") {
    // 1,2,3 all have count 1; 4 evicts the oldest, 1. Then 1 (count 1, fresh) faults:
    // counts 2:1, 3:1, 4:1 -> oldest is 2.
    CHECK(victims(replay(PolicyKind::Lfu, 3, "1,2,3,4,1")) == V{1, 2});
}

TEST_CASE("MFU evicts the most used page, ties to the page loaded first", "[vm][mfu]") {
    // Counts before 4: 1:2, 2:2, 3:1. MFU picks count 2; 1 and 2 tie; 1 was loaded first.
    const auto run = replay(PolicyKind::Mfu, 3, "1,1,2,3,2,4");
    CHECK(victims(run) == V{1});
    CHECK(final_frames(run) == V{4, 2, 3});
}

TEST_CASE("A page's count starts again when it is reloaded", "[vm][lfu]") {
    // 2 frames. 1,1,1 (count 3), 2 (count 1). 3 faults: evict 2 (count 1); 3 has count 1.
    // 2 faults again and comes back with count 1: 3 has count 1 < 3 -> evict 3.
    CHECK(victims(replay(PolicyKind::Lfu, 2, "1,1,1,2,3,2")) == V{2, 3});
}
