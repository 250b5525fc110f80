// Hand-worked buddy allocator examples on a 256-byte chunk (page 256, orders 5..8), with
// a 16-byte header (8 rounded up to the 16-byte alignment) before each payload.
#include <catch2/catch.hpp>

#include "heap_test_util.hpp"
#include "memsim/heap/heap.hpp"

using namespace memsim::heap;
using namespace memsim::heap::test;

namespace {

HeapConfig small_buddy() {
    return HeapConfig{.allocator = AllocatorKind::Buddy, .page_size = 256, .buddy_max_order = 8, .buddy_min_order = 5};
}


}  // namespace

TEST_CASE("the buddy allocator splits down to the order a request needs", "[heap][buddy]") {
    Heap heap{small_buddy()};
    std::vector<HeapEvent> events;
    heap.set_event_sink(&events);
    // malloc(40): 40 + 16 = 56 -> 64 bytes (order 6). Lists 6, 7, 8 are empty (searched 3),
    // so brk grows by one 256 chunk, which splits 256 -> 128 + 128 -> 64 + 64:
    //
    //            [              256              ]
    //            [      128      ][  128 free    ]
    //            [ 64 A ][ 64 F  ]
    const std::uint64_t a = heap.malloc(40);
    CHECK(a == kBase + 16);
    CHECK(heap.last_searched() == 3);
    CHECK(block_layout(heap) == BlockLayout{{0, 64, true}, {64, 64, false}, {128, 128, false}});
    int splits = 0;
    for (const auto& e : events) splits += e.kind == HeapEventKind::BuddySplit;
    CHECK(splits == 2);
    // malloc(20): 36 -> 64, found at once on list 6 (searched 1).
    const std::uint64_t b = heap.malloc(20);
    CHECK(b == kBase + 64 + 16);
    CHECK(heap.last_searched() == 1);
    // malloc(10): 26 -> 32 (order 5): lists 5 and 6 are empty, 7 has 128 (searched 3);
    // 128 -> 64 + 64, 64 -> 32 + 32.
    const std::uint64_t c = heap.malloc(10);
    CHECK(c == kBase + 128 + 16);
    CHECK(heap.last_searched() == 3);
    CHECK(block_layout(heap) == BlockLayout{{0, 64, true}, {64, 64, true}, {128, 32, true}, {160, 32, false}, {192, 64, false}});
    CHECK(heap.check().empty());

    // free(b): its buddy (offset 64 XOR 64 = 0) is allocated: no merge.
    heap.free(b);
    // free(c): buddy 128 XOR 32 = 160 is free -> 64 at 128; buddy 128 XOR 64 = 192 is
    // free -> 128 at 128; buddy 128 XOR 128 = 0 is a 64-byte allocated block: stop.
    events.clear();
    heap.free(c);
    std::vector<HeapEvent> merges;
    for (const auto& e : events)
        if (e.kind == HeapEventKind::BuddyMerge) merges.push_back(e);
    REQUIRE(merges.size() == 2);
    CHECK(merges[0].addr == kBase + 128);
    CHECK(merges[0].size == 64);
    CHECK(merges[0].other == kBase + 160);
    CHECK(merges[1].size == 128);
    CHECK(merges[1].other == kBase + 192);
    CHECK(block_layout(heap) == BlockLayout{{0, 64, true}, {64, 64, false}, {128, 128, false}});
    // free(a): merges with 64, then with 128: the whole chunk is one free block again.
    heap.free(a);
    CHECK(block_layout(heap) == BlockLayout{{0, 256, false}});
    CHECK(heap.check().empty());
}

TEST_CASE("buddy internal fragmentation is the rounding up to a power of two", "[heap][buddy]") {
    Heap heap{small_buddy()};
    heap.malloc(50);  // 66 -> 128: 78 bytes of header and rounding
    CHECK(heap.metrics().internal_fragmentation == 78);
    CHECK(heap.malloc(300) == 0);  // larger than a chunk and below the mmap threshold: fails
    CHECK(heap.metrics().failures == 1);
}

TEST_CASE("a second chunk is added when the first is full, and realloc stays within the block", "[heap][buddy]") {
    Heap heap{small_buddy()};
    const std::uint64_t a = heap.malloc(200);  // 216 -> 256: the whole first chunk
    const std::uint64_t b = heap.malloc(1);    // a new chunk at 256
    CHECK(b == kBase + 256 + 16);
    CHECK(heap.metrics().brk_calls == 2);
    CHECK(heap.realloc(a, 240) == a);          // 256 still holds 240 + 16
    CHECK(heap.realloc(b, 100) != b);          // 32 cannot hold 116: moves
    CHECK(heap.check().empty());
}

TEST_CASE("the buddy free lists are listed per order, smallest first, newest block at the head", "[heap][buddy]") {
    Heap heap{small_buddy()};
    CHECK(heap.free_lists().empty());  // no chunk yet
    // malloc(40) splits 256 -> 128 + 128 -> 64 + 64: free 64 at 64 (order 6), 128 at 128 (order 7).
    const std::uint64_t a = heap.malloc(40);
    CHECK(heap.free_lists() == std::vector<std::vector<std::uint64_t>>{{kBase + 64}, {kBase + 128}});
    // malloc(10) needs 32 (order 5): list 5 is empty, list 6 has the 64 at 64, which splits
    // into 32 (used, payload at 80) + 32 free at 96.
    const std::uint64_t c = heap.malloc(10);
    CHECK(c == kBase + 64 + 16);
    CHECK(heap.free_lists() == std::vector<std::vector<std::uint64_t>>{{kBase + 96}, {kBase + 128}});
    // free(a): its buddy (64 at 64) is split, so no merge: a's 64 joins list 6.
    heap.free(a);
    CHECK(heap.free_lists() == std::vector<std::vector<std::uint64_t>>{{kBase + 96}, {kBase}, {kBase + 128}});
    // free(c) merges 64+96 -> 64 at 64, then with 0 -> 128 at 0, then with 128 -> the 256 chunk.
    heap.free(c);
    CHECK(heap.free_lists() == std::vector<std::vector<std::uint64_t>>{{kBase}});
}
