#include <catch2/catch.hpp>

#include "memsim/vm/replacement/counters.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("NFU remembers total use and Aging forgets old use", "[vm][nfu][aging]") {
    // Tick after every reference. Counters per frame (NFU adds R; Aging shifts R in at bit 7).
    //   ref  NFU [f0 f1 f2]      Aging [f0 f1 f2]
    //   1    [1]                 [128]
    //   1    [2]                 [192]
    //   1    [3]                 [224]
    //   2    [3 1]               [112 128]
    //   3    [3 1 1]             [56 64 128]
    //   2    [3 2 1]             [28 160 64]
    //   4    NFU: min 1 -> frame 2 (page 3).  Aging: min 28 -> frame 0 (page 1).
    CHECK(victims(replay(PolicyKind::Nfu, 3, "1,1,1,2,3,2,4")) == V{3});
    CHECK(victims(replay(PolicyKind::Aging, 3, "1,1,1,2,3,2,4")) == V{1});
}

TEST_CASE("NFU breaks counter ties by load order", "[vm][nfu]") {
    // Ticks each reference: 1 -> [1]; 2 -> [1 1]; 1 hits -> [2 1]; 3 -> [2 1 1].
    // 4 faults: pages 2 and 3 tie at 1; 2 was loaded first -> evict 2.
    CHECK(victims(replay(PolicyKind::Nfu, 3, "1,2,1,3,4")) == V{2});
}

TEST_CASE("A page loaded since the last tick has counter 0 and goes first", "[vm][aging]") {
    // Tick every 4 references. 1,2,3 loaded, 1 hits; tick: counters [128 128 128] (all R=1).
    // 4 faults (no tick yet): all 128, tie -> oldest, 1 (frame 0). 4 has counter 0.
    // 5 faults: 4 (counter 0) is the smallest -> evicted although just loaded.
    const auto run = replay(PolicyConfig{.kind = PolicyKind::Aging, .tick = 4}, 3, "1,2,3,1,4,5");
    CHECK(victims(run) == V{1, 4});
}

TEST_CASE("Aging with a counter of 1 bit keeps only the last tick", "[vm][aging]") {
    // bits = 1: counter = R of the last tick. Ticks after each reference give
    // [1] after 1, [0 1] after 2, [1 0] after 1 hits. 3 faults: min is frame 1 (page 2).
    const auto run = replay(PolicyConfig{.kind = PolicyKind::Aging, .aging_bits = 1}, 2, "1,2,1,3");
    CHECK(victims(run) == V{2});
}
