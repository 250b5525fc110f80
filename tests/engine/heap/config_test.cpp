// Allocator names and configuration checks.
#include <catch2/catch.hpp>

#include "memsim/heap/config.hpp"
#include "memsim/heap/heap.hpp"

using namespace memsim::heap;

TEST_CASE("allocator names round-trip and bad configurations are rejected", "[heap][config]") {
    for (const auto& named : allocator_names()) CHECK(allocator_name(named.config) == named.name);
    CHECK(allocator_by_name("implicit")->fit == FitPolicy::First);
    CHECK_FALSE(allocator_by_name("buddies"));
    CHECK_FALSE(Heap::create(HeapConfig{.header_size = 6}));
    CHECK_FALSE(Heap::create(HeapConfig{.alignment = 12}));
    CHECK(Heap::create(HeapConfig{.allocator = AllocatorKind::Buddy}));
}

TEST_CASE("enumerator names parse back", "[heap][config]") {
    CHECK(fit_by_name("next") == FitPolicy::Next);
    CHECK(order_by_name("size-desc") == ListOrder::SizeDescending);
    CHECK(coalescing_by_name("deferred") == Coalescing::Deferred);
    CHECK_FALSE(order_by_name("random"));
    CHECK(validate(HeapConfig{.allocator = AllocatorKind::Slab, .slab_sizes = {32, 16}}) != "");
    CHECK(validate(HeapConfig{.allocator = AllocatorKind::Buddy, .buddy_max_order = 10}) != "");
}
