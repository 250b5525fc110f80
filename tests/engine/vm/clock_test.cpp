#include <catch2/catch.hpp>

#include "memsim/vm/replacement/clock.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("Clock spares a page whose R bit was set again", "[vm][clock]") {
    // 1,2,3 fill frames 0,1,2 with R=1; hand at frame 0.
    // 4 faults: the hand clears R of frames 0,1,2, comes round to frame 0 (R=0): evict 1,
    //   hand -> 1. Frames [4,2,3], R = 1,0,0.
    // 2 hits: R of frame 1 = 1.
    // 5 faults: hand at 1 (R=1): clear, move to 2 (R=0): evict 3 -> [4,2,5].
    // FIFO would have evicted 2 here.
    const auto run = replay(PolicyKind::Clock, 3, "1,2,3,4,2,5");
    CHECK(run.faults == 5);
    CHECK(victims(run) == V{1, 3});
    CHECK(final_frames(run) == V{4, 2, 5});
    CHECK(victims(replay(PolicyKind::Fifo, 3, "1,2,3,4,2,5")) == V{1, 2});
}

TEST_CASE("Second chance moves a referenced page to the back of the queue", "[vm][second-chance]") {
    // Same working as the Clock test, seen as a queue (oldest first):
    // after 1,2,3: [1,2,3] all R=1. 4: 1,2,3 each get a second chance (R cleared, moved
    // back) and 1 comes up again with R=0: evicted; queue [2,3,4]. 2 hits (R=1).
    // 5: 2 has R=1 -> cleared, moved back [3,4,2]; 3 has R=0: evicted; queue [4,2,5].
    const auto run = replay(PolicyKind::SecondChance, 3, "1,2,3,4,2,5");
    CHECK(victims(run) == V{1, 3});
}

TEST_CASE("Second chance and Clock choose the same victims on random traces", "[vm][second-chance][clock]") {
    memsim::Prng rng{11};
    for (int t = 0; t < 40; ++t) {
        std::string refs;
        for (int i = 0; i < 80; ++i) refs += std::to_string(rng.below(10)) + ",";
        const auto frames = static_cast<std::uint32_t>(rng.between(1, 7));
        REQUIRE(victims(replay(PolicyKind::Clock, frames, refs)) ==
                victims(replay(PolicyKind::SecondChance, frames, refs)));
    }
}

TEST_CASE("NRU (enhanced second chance) prefers a clean unused page over a dirty one", "[vm][nru]") {
    // 1 (frame 0, R1 M0), 2w (frame 1, R1 M1), 3 (frame 2, R1 M0); hand at 0.
    // 4 faults: pass 1 finds no (0,0) (all R=1); pass 2 finds no (0,1) but clears every R.
    //   Pass 1 again: frame 0 is (0,0): evict 1, hand -> 1. Frames [4,2,3].
    // 5 faults: pass 1 from frame 1: (0,1) skip; frame 2 is (0,0): evict 3 -> [4,2,5].
    // The dirty page 2 survives without a write to disk.
    const auto run = replay(PolicyKind::Nru, 3, "1,2w,3,4,5");
    CHECK(victims(run) == V{1, 3});
    CHECK(final_frames(run) == V{4, 2, 5});
    CHECK(run.writebacks == 0);
}

TEST_CASE("NRU takes a dirty page when no clean one is unused and counts its write-back", "[vm][nru]") {
    // 1w, 2w fill frames 0,1 as (1,1). 3 faults: pass 1 and pass 2 find nothing but
    // clear R; pass 1 again: no (0,0); pass 2: frame 0 is (0,1): evict dirty 1.
    const auto run = replay(PolicyKind::Nru, 2, "1w,2w,3");
    CHECK(victims(run) == V{1});
    CHECK(run.writebacks == 1);
    CHECK(run.steps.back().writeback);
}
