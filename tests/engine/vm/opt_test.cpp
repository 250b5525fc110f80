#include <catch2/catch.hpp>

#include "memsim/vm/replacement/opt.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("OPT gives the published fault counts for Silberschatz's reference string", "[vm][opt]") {
    CHECK(replay(PolicyKind::Opt, 3, silberschatz).faults == 9);
    CHECK(replay(PolicyKind::Opt, 4, silberschatz).faults == 8);
}

TEST_CASE("OPT evicts the page used furthest ahead, ties to the lowest frame", "[vm][opt]") {
    // 7,0,1 fill frames 0,1,2. At 2 (index 3): 7 never again, 0 next at 4, 1 never again:
    // 7 and 1 tie at "never"; the lower frame (0, page 7) goes -> [2,0,1]. 0 hits.
    // At 3 (index 5): 2, 0 and 1 are all never used again -> frame 0 (page 2) -> [3,0,1].
    const auto run = replay(PolicyKind::Opt, 3, "7,0,1,2,0,3");
    CHECK(run.faults == 5);
    CHECK(victims(run) == V{7, 2});
    CHECK(final_frames(run) == V{3, 0, 1});
}

TEST_CASE("next_use_times points each reference at the next use of its page", "[vm][opt]") {
    const std::vector<std::uint32_t> pages{1, 2, 1, 3, 2};
    const auto next = next_use_times(pages, 4);
    CHECK(next == std::vector<std::uint64_t>{2, 4, never, never, never});
}

TEST_CASE("OPT never faults more than LRU or FIFO on random traces", "[vm][opt]") {
    memsim::Prng rng{5};
    for (int t = 0; t < 50; ++t) {
        std::string refs;
        for (int i = 0; i < 60; ++i) refs += std::to_string(rng.below(9)) + ",";
        const auto frames = static_cast<std::uint32_t>(rng.between(1, 6));
        const auto opt = replay(PolicyKind::Opt, frames, refs).faults;
        REQUIRE(opt <= replay(PolicyKind::Lru, frames, refs).faults);
        REQUIRE(opt <= replay(PolicyKind::Fifo, frames, refs).faults);
    }
}
