#include <catch2/catch.hpp>

#include "memsim/vm/replacement/policy_state.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("Each policy exposes the state a view draws", "[vm][policy-state]") {
    // 1, 2w, 3 fill frames 0..2; 1 hits; 4 faults.
    const std::string refs = "1,2w,3,1,4";
    // Clock: all R set, the hand clears frames 0, 1, 2, evicts page 1 in frame 0, stops at 1.
    CHECK(replay(PolicyKind::Clock, 3, refs).steps.back().policy.hand == 1u);
    // LRU after 1,2,3,1: recency 1 (frame 0), 3 (frame 2), 2 (frame 1); 4 replaces 2 in frame 1
    // and becomes the most recent: order [1, 0, 2].
    CHECK(replay(PolicyKind::Lru, 3, refs).steps.back().policy.order == std::vector<std::uint32_t>{1, 0, 2});
    // Aging, a tick after every reference (8 bits). Frame 0 (page 1, used at ticks 0 and 3):
    // 10000000, 01000000, 00100000, 10010000, 01001000 = 72. Page 2 (frame 1) had 32 at
    // the fault and page 3 (frame 2) 64, so 2 went; page 4 gets 10000000 = 128 at tick 4.
    // Frame 2 (page 3, used at tick 2 only): 10000000, 01000000, 00100000 = 32.
    const auto aging = replay(PolicyKind::Aging, 3, refs).steps.back().policy;
    CHECK(aging.values_name == "counter");
    CHECK(aging.values == std::vector<std::uint64_t>{72, 128, 32});
    // LFU counts references since load: page 1 twice, page 4 once, page 3 once.
    const auto lfu = replay(PolicyKind::Lfu, 3, refs).steps.back().policy;
    CHECK(lfu.values_name == "count");
    CHECK(lfu.values == std::vector<std::uint64_t>{2, 1, 1});
    // OPT: no page is used again after the last reference.
    const auto opt = replay(PolicyKind::Opt, 3, refs).steps.back().policy;
    CHECK(opt.values == std::vector<std::uint64_t>{never, never, never});
    CHECK_FALSE(replay(PolicyKind::Random, 3, refs).steps.back().policy.hand);
}

TEST_CASE("Recorded steps carry the R and M bits of every frame", "[vm][policy-state]") {
    const auto run = replay(PolicyKind::Fifo, 2, "1w,2,1");
    CHECK(run.steps.back().referenced == std::vector<std::uint8_t>{1, 1});
    CHECK(run.steps.back().dirty == std::vector<std::uint8_t>{1, 0});
}
