// The Heap front end: pointer validation, learner-error events, mmap, metrics, and long
// random sequences with the heap checker after every step, for every allocator.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "memsim/core/prng.hpp"
#include "memsim/core/text.hpp"
#include "memsim/heap/heap.hpp"

using namespace memsim;
using namespace memsim::heap;

namespace {

std::string violations_text(const Heap& heap) {
    std::string text;
    for (const auto& v : heap.check()) text += hex(v.addr) + ": " + v.message + "\n";
    return text;
}

// A random mix of malloc, free, realloc and calloc, checking the heap after each step.
void run_random(HeapConfig config, std::uint64_t seed, int steps, std::uint64_t max_size) {
    Heap heap{config};
    Prng rng{seed};
    std::vector<std::uint64_t> live;
    for (int step = 0; step < steps; ++step) {
        const std::uint64_t pick = rng.below(10);
        if (live.empty() || pick < 5) {
            const std::uint64_t p = heap.malloc(rng.between(0, max_size));
            if (p) live.push_back(p);
        } else if (pick < 8) {
            const std::size_t i = static_cast<std::size_t>(rng.below(live.size()));
            heap.free(live[i]);
            live[i] = live.back();
            live.pop_back();
        } else if (pick < 9) {
            const std::size_t i = static_cast<std::size_t>(rng.below(live.size()));
            const std::uint64_t p = heap.realloc(live[i], rng.between(1, max_size));
            if (p) live[i] = p;
        } else {
            const std::uint64_t p = heap.calloc(rng.between(1, 8), rng.between(1, max_size / 8 + 1));
            if (p) live.push_back(p);
        }
        const std::string problems = violations_text(heap);
        INFO("allocator " << allocator_name(config) << " step " << step);
        REQUIRE(problems == "");
    }
    for (std::uint64_t p : live) heap.free(p);
    REQUIRE(violations_text(heap).empty());
    CHECK(heap.metrics().live_payload == 0);
    CHECK(heap.metrics().errors == 0);
}

}  // namespace

TEST_CASE("every allocator stays consistent through long random sequences", "[heap][property]") {
    for (const auto& named : allocator_names()) {
        for (Coalescing c : {Coalescing::Immediate, Coalescing::Deferred, Coalescing::Off}) {
            HeapConfig config = named.config;
            config.coalescing = c;
            config.max_heap = 4u << 20;
            config.trim_threshold = 8192;
            config.mmap_threshold = 16384;
            if (c != Coalescing::Immediate && config.allocator >= AllocatorKind::Buddy) continue;
            run_random(config, 7, 1500, 600);
        }
    }
}

TEST_CASE("list allocators stay consistent without footers and with 4-byte headers", "[heap][property]") {
    for (const auto& named : allocator_names()) {
        if (named.config.allocator >= AllocatorKind::Buddy) continue;
        HeapConfig config = named.config;
        config.footers = false;
        config.header_size = 4;
        config.alignment = 8;
        config.max_heap = 1u << 20;
        run_random(config, 11, 1000, 300);
    }
}

TEST_CASE("double, invalid and interior frees are events and change nothing", "[heap][errors]") {
    Heap heap{HeapConfig{}};
    std::vector<HeapEvent> events;
    heap.set_event_sink(&events);
    const std::uint64_t a = heap.malloc(40);
    const std::uint64_t b = heap.malloc(40);
    heap.free(a);
    events.clear();
    heap.free(a);              // already freed
    heap.free(b + 8);          // inside b
    heap.free(0x12345678);     // never returned
    heap.free(0);              // legal, nothing happens
    REQUIRE(events.size() == 3);
    CHECK(events[0].kind == HeapEventKind::DoubleFree);
    CHECK(events[1].kind == HeapEventKind::InteriorFree);
    CHECK(events[1].other == b);
    CHECK(events[2].kind == HeapEventKind::InvalidFree);
    CHECK(heap.metrics().errors == 3);
    CHECK(heap.metrics().live_blocks == 1);
    CHECK(heap.check().empty());
    CHECK(explain(events[0]) == "double free: " + hex(a) + " was already freed");
}

TEST_CASE("a reused address is live again, so freeing it is not a double free", "[heap][errors]") {
    Heap heap{HeapConfig{}};
    const std::uint64_t a = heap.malloc(40);
    heap.free(a);
    CHECK(heap.malloc(40) == a);
    heap.free(a);
    CHECK(heap.metrics().errors == 0);
}

TEST_CASE("use after free and overflows are found by check_access", "[heap][errors]") {
    Heap heap{HeapConfig{}};
    std::vector<HeapEvent> events;
    heap.set_event_sink(&events);
    const std::uint64_t a = heap.malloc(24);  // block 48: payload 24 + 8 padding, footer at +32
    const std::uint64_t b = heap.malloc(24);
    CHECK(heap.check_access(a, 24, true).kind == AccessKind::Ok);
    CHECK(heap.check_access(a + 24, 4, false).kind == AccessKind::OutOfBounds);  // padding
    heap.free(b);
    CHECK(heap.check_access(b, 4, false).kind == AccessKind::UseAfterFree);
    const std::uint64_t c = heap.malloc(24);  // b's block again
    CHECK(c == b);
    // Writing 48 bytes at a runs over a's footer and c's header (at a - 8 + 48).
    events.clear();
    CHECK(heap.check_access(a, 48, true).kind == AccessKind::Overflow);
    REQUIRE(events.size() == 1);
    CHECK(events[0].kind == HeapEventKind::HeapOverflow);
    CHECK(events[0].other == c - 8);
    // Like glibc, the damage is noticed at the next malloc or free.
    events.clear();
    heap.free(c);
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].kind == HeapEventKind::Corruption);
    CHECK(events[0].addr == c - 8);
    CHECK(heap.check_access(0x10, 1, false).kind == AccessKind::Wild);
}

TEST_CASE("leaks are split into definitely lost and still reachable by root pointers", "[heap][errors]") {
    Heap heap{HeapConfig{}};
    const std::uint64_t a = heap.malloc(10);
    const std::uint64_t b = heap.malloc(20);
    const std::uint64_t c = heap.malloc(30);
    heap.free(b);
    const std::uint64_t roots[] = {c + 4, 0x999};
    const auto leaks = heap.leaks(roots);
    REQUIRE(leaks.size() == 2);
    CHECK(leaks[0].addr == a);
    CHECK(leaks[0].size == 10);
    CHECK(leaks[0].other == 0);  // definitely lost
    CHECK(leaks[1].addr == c);
    CHECK(leaks[1].other == 1);  // still reachable
    CHECK(explain(leaks[0]) == "definitely lost: 10 bytes at " + hex(a) + " were never freed");
}

TEST_CASE("large requests are mapped and unmapped, out-of-memory returns NULL", "[heap][mmap]") {
    Heap heap{HeapConfig{.max_heap = 8192}};
    const std::uint64_t big = heap.malloc(200 * 1024);
    CHECK(big == mmap_top_of(heap.config()) - 200 * 1024);  // top-down, as Linux places mappings
    CHECK(heap.metrics().mapped_bytes == 200 * 1024);
    CHECK(heap.metrics().heap_size == 200 * 1024);
    heap.free(big);
    CHECK(heap.metrics().munmap_calls == 1);
    heap.free(big);
    CHECK(heap.metrics().errors == 1);  // double free of a mapping
    CHECK(heap.malloc(10000) == 0);     // two pages at most: 10000 does not fit
    CHECK(heap.metrics().failures == 1);
    CHECK(heap.calloc(~0ull / 2, 4) == 0);  // the product overflows
    CHECK(heap.check().empty());
}

TEST_CASE("calloc marks its block zeroed, malloc and realloc do not", "[heap][calloc]") {
    Heap heap{HeapConfig{}};
    const std::uint64_t a = heap.calloc(4, 8);
    const std::uint64_t b = heap.malloc(32);
    const auto blocks = heap.blocks();
    CHECK(blocks[0].payload == a);
    CHECK(blocks[0].zeroed);
    CHECK(blocks[0].requested == 32);
    CHECK(blocks[1].payload == b);
    CHECK_FALSE(blocks[1].zeroed);
    CHECK(heap.realloc(a, 8) == a);
    CHECK_FALSE(heap.blocks()[0].zeroed);
    CHECK(heap.check().empty());
}

TEST_CASE("a copied heap is an independent snapshot", "[heap][snapshot]") {
    Heap heap{HeapConfig{.allocator = AllocatorKind::ExplicitList}};
    const std::uint64_t a = heap.malloc(10);
    Heap snapshot = heap;
    heap.free(a);
    heap.malloc(500);
    CHECK(snapshot.blocks().size() == 2);
    CHECK(snapshot.metrics().live_blocks == 1);
    snapshot.free(a);
    CHECK(snapshot.check().empty());
}

TEST_CASE("random learner errors and stray accesses never break any allocator", "[heap][property]") {
    for (const auto& named : allocator_names()) {
        HeapConfig config = named.config;
        config.max_heap = 1u << 20;
        config.mmap_threshold = 8192;
        Heap heap{config};
        Prng rng{99};
        std::vector<std::uint64_t> live;
        std::vector<std::uint64_t> dead;
        std::uint64_t expected_errors = 0;
        for (int step = 0; step < 800; ++step) {
            const std::uint64_t pick = rng.below(12);
            if (live.empty() || pick < 5) {
                const std::uint64_t p = heap.malloc(rng.between(1, 300));
                if (p) live.push_back(p);
            } else if (pick < 8) {
                const auto i = static_cast<std::size_t>(rng.below(live.size()));
                heap.free(live[i]);
                dead.push_back(live[i]);
                live[i] = live.back();
                live.pop_back();
            } else if (pick == 8 && !dead.empty()) {
                // A double free unless the address has been handed out again.
                const std::uint64_t p = dead[static_cast<std::size_t>(rng.below(dead.size()))];
                const bool reused = std::find(live.begin(), live.end(), p) != live.end();
                if (!reused) {
                    heap.free(p);
                    ++expected_errors;
                }
            } else if (pick == 9) {
                heap.free(live[static_cast<std::size_t>(rng.below(live.size()))] + 4);  // interior
                ++expected_errors;
            } else {
                const std::uint64_t base = live[static_cast<std::size_t>(rng.below(live.size()))];
                heap.check_access(base + rng.below(64), rng.between(1, 64), rng.below(2) == 0);
            }
            INFO("allocator " << named.name << " step " << step);
            REQUIRE(violations_text(heap) == "");
        }
        CHECK(heap.metrics().errors >= expected_errors);
        for (std::uint64_t p : live) heap.free(p);
        CHECK(heap.metrics().live_blocks == 0);
        CHECK(heap.leaks().empty());
    }
}
