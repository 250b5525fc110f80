#include <catch2/catch.hpp>

#include "memsim/vm/replacement/wsclock.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("WSClock writes back an old dirty page and evicts it once clean", "[vm][wsclock]") {
    // tau = 1, 3 frames. Times are reference indices.
    // t0 1w -> f0 (last 0, dirty); t1 2 -> f1; t2 3 -> f2.
    // t3 4 faults: every R is 1: cleared, last use = 3; no victim in one round, so the
    //   first clean page from the hand (f0 is dirty) is f1: evict 2, hand -> f2.
    // t4 5 faults: f2 R=0 age 1 <= tau; f0 age 1; f1 (page 4) R=1 -> cleared, last 4.
    //   No victim; first clean page from f2 is f2: evict 3, hand -> f0.
    // t5 6 faults: f0 R=0 age 2 > tau, dirty -> written back (1 write), move on;
    //   f1 age 1, f2 (page 5) R=1 -> cleared. Round over: first clean from f0 is f0: evict 1.
    const auto run = replay(PolicyConfig{.kind = PolicyKind::WsClock, .tau = 1}, 3, "1w,2,3,4,5,6");
    CHECK(victims(run) == V{2, 3, 1});
    CHECK(run.writebacks == 1);
    CHECK_FALSE(run.steps.back().writeback);  // the victim was already clean
}

TEST_CASE("WSClock evicts a clean page outside the working set at once", "[vm][wsclock]") {
    // tau = 1. t0..t2 load 1,2,3. t3 4: all R cleared, last use 3; fallback evicts 1 (f0),
    // hand -> f1. t4 1: f1, f2 age 1, f0 R=1 cleared; fallback evicts 2 (f1), hand -> f2.
    // t5 5: f2 (page 3) R=0, age 5-3 = 2 > 1, clean -> evicted immediately.
    const auto run = replay(PolicyConfig{.kind = PolicyKind::WsClock, .tau = 1}, 3, "1,2,3,4,1,5");
    CHECK(victims(run) == V{1, 2, 3});
}
