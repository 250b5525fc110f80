#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/vm/replacement/frame_heap.hpp"

using namespace memsim::vm;

TEST_CASE("The frame heap keeps the largest key on top, ties to the lower frame", "[vm][frame-heap]") {
    FrameHeap heap(4);
    heap.set(0, 5);
    heap.set(1, 9);
    heap.set(2, 9);
    heap.set(3, 1);
    CHECK(heap.top() == 1);
    heap.set(1, 0);  // decrease: frame 2 now leads
    CHECK(heap.top() == 2);
    heap.set(3, 100);  // increase
    CHECK(heap.top() == 3);
}

TEST_CASE("The frame heap agrees with a linear scan under random key changes", "[vm][frame-heap]") {
    memsim::Prng rng{3};
    FrameHeap heap(16);
    std::vector<std::uint64_t> keys(16, 0);
    for (std::uint32_t f = 0; f < 16; ++f) heap.set(f, 0);
    for (int i = 0; i < 2000; ++i) {
        const auto f = static_cast<std::uint32_t>(rng.below(16));
        keys[f] = rng.below(8);
        heap.set(f, keys[f]);
        std::uint32_t best = 0;
        for (std::uint32_t g = 1; g < 16; ++g) if (keys[g] > keys[best]) best = g;
        REQUIRE(heap.top() == best);
    }
}
