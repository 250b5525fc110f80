#include <catch2/catch.hpp>

#include "memsim/vm/replacement/fifo.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("FIFO gives the published fault counts for Silberschatz's reference string", "[vm][fifo]") {
    CHECK(replay(PolicyKind::Fifo, 3, silberschatz).faults == 15);
    CHECK(replay(PolicyKind::Fifo, 4, silberschatz).faults == 10);
}

TEST_CASE("FIFO shows Belady's anomaly on Belady's string", "[vm][fifo]") {
    CHECK(replay(PolicyKind::Fifo, 3, belady).faults == 9);
    CHECK(replay(PolicyKind::Fifo, 4, belady).faults == 10);
}

TEST_CASE("FIFO evicts in load order even when the oldest page was just used", "[vm][fifo]") {
    // 1,2,3 fill frames 0,1,2. 1 hits but FIFO ignores use.
    // 4 faults: oldest is 1 (frame 0) -> [4,2,3]. 5 faults: oldest is 2 -> [4,5,3].
    const auto run = replay(PolicyKind::Fifo, 3, "1,2,3,1,4,5");
    CHECK(run.faults == 5);
    CHECK(victims(run) == V{1, 2});
    CHECK(final_frames(run) == V{4, 5, 3});
}
