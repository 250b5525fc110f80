// The Heap front end: pointer validation, learner-error events, mmap, metrics, and long
// random sequences with the heap checker after every step, for every allocator.
#include <catch2/catch.hpp>

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
