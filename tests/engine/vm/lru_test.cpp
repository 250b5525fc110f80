#include <catch2/catch.hpp>

#include "memsim/vm/replacement/lru.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("LRU gives the published fault counts for Silberschatz's reference string", "[vm][lru]") {
    CHECK(replay(PolicyKind::Lru, 3, silberschatz).faults == 12);
    CHECK(replay(PolicyKind::Lru, 4, silberschatz).faults == 8);
}

TEST_CASE("LRU evicts the page unused for longest", "[vm][lru]") {
    // 1,2,3 fill frames 0,1,2; 1 hits, so recency (old->new) is 2,3,1.
    // 4 faults: LRU is 2 (frame 1) -> [1,4,3], recency 3,1,4.
    // 5 faults: LRU is 3 (frame 2) -> [1,4,5].
    const auto run = replay(PolicyKind::Lru, 3, "1,2,3,1,4,5");
    CHECK(run.faults == 5);
    CHECK(victims(run) == V{2, 3});
    CHECK(final_frames(run) == V{1, 4, 5});
}

TEST_CASE("MRU evicts the page used most recently", "[vm][mru]") {
    // 1,2,3 fill frames 0,1,2; 1 hits and is now the most recent.
    // 4 faults: MRU is 1 (frame 0) -> [4,2,3]. 5 faults: MRU is 4 (frame 0) -> [5,2,3].
    const auto run = replay(PolicyKind::Mru, 3, "1,2,3,1,4,5");
    CHECK(run.faults == 5);
    CHECK(victims(run) == V{1, 4});
    CHECK(final_frames(run) == V{5, 2, 3});
}

TEST_CASE("LRU's list keeps frames from most to least recently used", "[vm][lru]") {
    LruPolicy lru(3);
    const Moment m{};
    lru.on_load(0, m);
    lru.on_load(1, m);
    lru.on_load(2, m);
    lru.on_hit(0, m);
    CHECK(lru.order() == std::vector<std::uint32_t>{0, 2, 1});
    FrameBits bits;
    CHECK(lru.victim(bits, m) == 1);
}
