// Where the machine puts mmap'd blocks: top-down below the stack gap as Linux does, freed
// ranges reused, exhaustion a NULL with its reason, and never an overlap with the heap or
// the stack, whatever the sequence of calls.
#include <catch2/catch.hpp>

#include <algorithm>

#include "memsim/machine/machine.hpp"
#include "memsim/machine/simulator.hpp"

using namespace memsim;
using namespace memsim::machine;

namespace {

// splitmix64: the same sequence on every platform.
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
};

struct Range {
    std::uint64_t start, end;
    const char* what;
};

// Every region the process holds: the brk heap, each live mapping, the guard page and the stack.
std::vector<Range> regions_of(const Machine& m) {
    const heap::Heap& h = m.current().heap;
    std::vector<Range> out{{h.region().base, h.region().brk, "heap"}};
    const std::uint64_t header = h.glibc() ? 16 : 0;  // a glibc mapping starts with its chunk header
    for (const auto& mapping : h.mappings())
        if (mapping.live) out.push_back({mapping.addr - header, mapping.addr + mapping.length, "mapping"});
    for (const Region& r : m.layout().regions)
        if (r.kind == RegionKind::Stack || r.kind == RegionKind::Guard) out.push_back({r.start, r.end, "stack"});
    return out;
}

std::string first_overlap(const Machine& m) {
    auto ranges = regions_of(m);
    std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.start < b.start; });
    for (std::size_t i = 1; i < ranges.size(); ++i)
        if (ranges[i].start < ranges[i - 1].end && ranges[i].start != ranges[i].end && ranges[i - 1].start != ranges[i - 1].end)
            return std::string(ranges[i - 1].what) + " and " + ranges[i].what + " overlap at " + std::to_string(ranges[i].start);
    return {};
}

Machine make_machine(std::uint32_t bits, heap::AllocatorKind allocator) {
    MachineConfig config{.address_bits = bits, .heap = heap::HeapConfig{.allocator = allocator}};
    auto m = Machine::create(config);
    REQUIRE(m);
    return std::move(*m);
}

}  // namespace

TEST_CASE("Mappings go top-down from Linux's mmap base below the stack gap", "[machine][mmap]") {
    // mmap_base = TASK_SIZE - max(stack limit + 1 MiB guard gap, 128 MiB): the numbers a
    // process run under `setarch -R` shows on x86-64 (0x7ffff7fff000) and i386 (0xb8000000).
    auto layout64 = make_address_space(64, 4096, 8 << 20, {});
    auto layout32 = make_address_space(32, 4096, 8 << 20, {});
    REQUIRE(layout64);
    REQUIRE(layout32);
    CHECK(layout64->mmap_top == 0x7ffff7fff000);
    CHECK(layout32->mmap_top == 0xb8000000);
    Machine m = make_machine(32, heap::AllocatorKind::ImplicitList);
    const std::uint64_t a = m.malloc(200 * 1024, nullptr);
    const std::uint64_t b = m.malloc(300 * 1024, nullptr);
    CHECK(a == 0xb8000000 - 200 * 1024);
    CHECK(b == a - 300 * 1024);
}

TEST_CASE("Eight rounds of malloc and free of 256 MiB on a 32-bit machine reuse one range and leave the stack alone",
          "[machine][mmap]") {
    // Before, each mapping went above the last one and the eighth landed on the stack,
    // where a write overwrote main's return address.
    Machine m = make_machine(32, heap::AllocatorKind::ImplicitList);
    const std::uint64_t return_address = m.code_address(1);
    REQUIRE(m.call("main", {}, {}, return_address, nullptr));
    const std::uint64_t fp = m.current().stack.frames().back().frame_pointer;
    REQUIRE(m.peek(fp + 4, 4) == return_address);
    const std::uint64_t size = 256u << 20;
    for (int round = 0; round < 8; ++round) {
        const std::uint64_t p = m.malloc(size, nullptr);
        CHECK(p == 0xb8000000 - size);
        CHECK(first_overlap(m).empty());
        REQUIRE(m.touch(p + size - 65536, 65536, true, nullptr));  // its highest pages, nearest the stack
        if (round < 7) m.free(p, nullptr);
    }
    CHECK(m.peek(fp + 4, 4) == return_address);
    CHECK(m.ret(nullptr));
    CHECK(m.errors() == ErrorCounts{});
}

TEST_CASE("An mmap that finds no gap fails with ENOMEM; a freed range is found again", "[heap][mmap]") {
    const std::uint64_t base = 0x7f0000000000;
    heap::Heap h{heap::HeapConfig{.allocator = heap::AllocatorKind::ExplicitList, .mmap_threshold = 4096,
                                  .mmap_base = base, .mmap_top = base + 3 * 4096}};
    std::vector<heap::HeapEvent> events;
    h.set_event_sink(&events);
    const std::uint64_t a = h.malloc(4096), b = h.malloc(4096);
    CHECK(a == base + 2 * 4096);
    CHECK(b == base + 4096);
    h.free(a);
    CHECK(h.malloc(8192) == 0);  // a page above b and one below: no gap of two pages
    REQUIRE(events.back().kind == heap::HeapEventKind::OutOfMemory);
    CHECK(events.back().other == 1);
    CHECK(heap::explain(events.back()).find("ENOMEM") != std::string::npos);
    CHECK(h.malloc(4096) == a);  // the highest gap that fits: a's old range
    CHECK(h.malloc(4096) == base);
    CHECK(h.check().empty());
}

TEST_CASE("A freed mapping's range comes back as zeros, not the old contents", "[machine][mmap]") {
    Machine m = make_machine(32, heap::AllocatorKind::ImplicitList);
    const std::uint64_t a = m.malloc(1 << 20, nullptr);
    REQUIRE(m.store(a + 64, 4, 0x12345678, nullptr));
    m.free(a, nullptr);
    const std::uint64_t b = m.malloc(1 << 20, nullptr);
    REQUIRE(b == a);
    CHECK(m.peek(b + 64, 4) == 0);
    CHECK(m.check_invariants().empty());
}

TEST_CASE("Random malloc, free and realloc never make the heap, mappings and stack overlap", "[machine][mmap][property]") {
    const auto allocator = GENERATE(heap::AllocatorKind::ImplicitList, heap::AllocatorKind::Segregated,
                                    heap::AllocatorKind::Buddy, heap::AllocatorKind::Glibc);
    const std::uint32_t bits = GENERATE(32u, 64u);
    if (allocator == heap::AllocatorKind::Glibc && bits == 32) return;  // the glibc model is x86-64's
    CAPTURE(static_cast<int>(allocator), bits);
    Machine m = make_machine(bits, allocator);
    Rng rng{bits * 131ull + static_cast<std::uint64_t>(allocator)};
    std::vector<std::uint64_t> live;
    // Small blocks, blocks around the threshold and mappings up to 96 MiB (the 1 GiB
    // mapping budget and the 32-bit mmap area both run out along the way).
    const std::uint64_t sizes[] = {24, 1000, 100 * 1024, 300 * 1024, 5u << 20, 96u << 20};
    for (int step = 0; step < 1500; ++step) {
        const std::uint64_t roll = rng.below(100);
        const std::uint64_t size = sizes[static_cast<std::size_t>(rng.below(6))] + rng.below(4096);
        if (roll < 45 || live.empty()) {
            if (const std::uint64_t p = m.malloc(size, nullptr)) live.push_back(p);
        } else if (roll < 80) {
            const auto i = static_cast<std::size_t>(rng.below(live.size()));
            m.free(live[i], nullptr);
            live.erase(live.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
            const auto i = static_cast<std::size_t>(rng.below(live.size()));
            if (const std::uint64_t p = m.realloc(live[i], size, nullptr)) live[i] = p;
        }
        const std::string overlap = first_overlap(m);
        INFO("step " << step);
        REQUIRE(overlap.empty());
        if (step % 100 == 0) REQUIRE(m.check_invariants().empty());
    }
    REQUIRE(m.check_invariants().empty());
}
