// Hand-worked slab allocator examples: one-page slabs (4096 bytes) of 16, 32 and 64-byte
// objects; a cache keeps one empty slab and releases the next.
#include <catch2/catch.hpp>

#include "heap_test_util.hpp"
#include "memsim/heap/heap.hpp"

using namespace memsim::heap;
using namespace memsim::heap::test;

namespace {

HeapConfig small_slab() { return HeapConfig{.allocator = AllocatorKind::Slab, .slab_sizes = {16, 32, 64}}; }

}  // namespace

TEST_CASE("the slab allocator takes the smallest cache that holds a request", "[heap][slab]") {
    Heap heap{small_slab()};
    // malloc(20): cache 16 is too small, cache 32 fits (searched 2); it has no slab yet,
    // so a page comes from brk and is cut into 4096 / 32 = 128 objects.
    const std::uint64_t a = heap.malloc(20);
    CHECK(a == kBase);
    CHECK(heap.last_searched() == 2);
    const std::uint64_t b = heap.malloc(30);
    CHECK(b == kBase + 32);                   // the next object of the same slab
    const std::uint64_t c = heap.malloc(64);  // cache 64: a second slab, a second page
    CHECK(c == kBase + 4096);
    CHECK(heap.metrics().brk_calls == 2);
    CHECK(heap.metrics().internal_fragmentation == (32 - 20) + (32 - 30) + 0);
    // Objects go back to the front of their slab's free list: the next 32-byte object is b's.
    heap.free(b);
    CHECK(heap.malloc(25) == b);
    CHECK(heap.check().empty());
}

TEST_CASE("slabs move between full, partial and empty, and a second empty slab is released", "[heap][slab]") {
    Heap heap{small_slab()};
    std::vector<HeapEvent> events;
    heap.set_event_sink(&events);
    // 64 objects of 64 bytes fill one slab (full); the 65th starts a second (partial).
    std::vector<std::uint64_t> objects;
    for (int i = 0; i < 65; ++i) objects.push_back(heap.malloc(64));
    CHECK(objects[64] == kBase + 4096);
    CHECK(heap.check().empty());
    // Free everything: the first slab to empty stays (keep one); the second is released.
    for (std::uint64_t p : objects) heap.free(p);
    int released = 0;
    for (const auto& e : events) released += e.kind == HeapEventKind::SlabRelease;
    CHECK(released == 1);
    CHECK(heap.check().empty());
    // A new slab for another cache reuses the released page: brk does not grow again.
    const std::uint64_t brk_calls = heap.metrics().brk_calls;
    heap.malloc(16);
    heap.malloc(16);
    CHECK(heap.metrics().brk_calls == brk_calls);
    CHECK(heap.check().empty());
}

TEST_CASE("requests above the largest slab object get their own mapping", "[heap][slab]") {
    Heap heap{small_slab()};
    const std::uint64_t big = heap.malloc(100);
    CHECK(big == mmap_top_of(heap.config()) - heap.config().page_size);  // one page, just below the top
    CHECK(heap.metrics().mmap_calls == 1);
    heap.free(big);
    CHECK(heap.metrics().munmap_calls == 1);
}
