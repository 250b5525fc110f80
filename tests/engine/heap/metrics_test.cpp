// The metrics of a heap, worked by hand.
#include <catch2/catch.hpp>

#include "memsim/heap/heap.hpp"
#include "memsim/heap/metrics.hpp"

using namespace memsim::heap;

TEST_CASE("metrics follow the CS:APP definitions", "[heap][metrics]") {
    Heap heap{HeapConfig{}};
    const std::uint64_t a = heap.malloc(100);  // block 128
    const std::uint64_t b = heap.malloc(24);   // block 48
    heap.malloc(24);
    heap.free(b);
    const HeapMetrics m = heap.metrics();
    CHECK(m.peak_live_payload == 148);
    CHECK(m.live_payload == 124);
    CHECK(m.heap_size == 4096);
    CHECK(m.utilisation() == Approx(148.0 / 4096.0));
    CHECK(m.internal_fragmentation == (128 - 100) + (48 - 24));
    CHECK(m.free_blocks == 2);  // b's hole and the top
    CHECK(m.free_bytes == 4080 - 128 - 48);
    CHECK(m.external_fragmentation() == Approx(1.0 - double(4080 - 128 - 48 - 48) / double(4080 - 128 - 48)));
    CHECK(heap.realloc(a, 10) == a);  // shrinking splits off the tail
    CHECK(heap.check().empty());
}

TEST_CASE("an empty heap has zero ratios", "[heap][metrics]") {
    const HeapMetrics m;
    CHECK(m.utilisation() == 0.0);
    CHECK(m.external_fragmentation() == 0.0);
    CHECK(m.searched_mean() == 0.0);
}
