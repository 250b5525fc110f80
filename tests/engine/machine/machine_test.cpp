#include <catch2/catch.hpp>

#include <algorithm>

#include "memsim/core/prng.hpp"
#include "memsim/machine/machine.hpp"

using namespace memsim;
using namespace memsim::machine;

namespace {
bool has_kind(const std::vector<Event>& events, EventKind kind) {
    return std::any_of(events.begin(), events.end(), [&](const Event& e) { return e.kind == kind; });
}
Machine make(MachineConfig config = {}) {
    auto machine = Machine::create(config);
    REQUIRE(machine);
    return *machine;
}
}  // namespace

TEST_CASE("A call writes its frame through the MMU and the first touch of the stack page faults", "[machine]") {
    Machine m = make();
    std::vector<Event> events;
    REQUIRE(m.call("main", {}, {{"x", 4}}, m.code_address(1), &events));
    // The frame's first store touches the top stack page: a demand-zero page fault.
    CHECK(m.mmu().stats().page_faults == 1);
    CHECK(has_kind(events, EventKind::Call));
    CHECK(has_kind(events, EventKind::PageFault));
    REQUIRE(m.call("f", {{"n", 0, 5}}, {}, m.code_address(2), &events));
    CHECK(m.mmu().stats().page_faults == 1);  // same page: no new fault
    CHECK(m.current().stack.frames().size() == 2);
    REQUIRE(m.ret(&events));
    CHECK(m.current().stack.frames().size() == 1);
    CHECK(m.check_invariants().empty());
}

TEST_CASE("malloc grows the heap with brk, and the new page faults in on first store", "[machine][heap]") {
    Machine m = make();
    std::vector<Event> events;
    const std::uint64_t p = m.malloc(24, &events);
    REQUIRE(p != 0);
    CHECK(m.layout().region_of(p)->kind == RegionKind::Heap);
    CHECK(has_kind(events, EventKind::Brk));
    const auto faults = m.mmu().stats().page_faults;
    REQUIRE(m.store(p, 4, 42, &events));
    CHECK(m.mmu().stats().page_faults >= faults);  // the allocator's header write may already have faulted it in
    CHECK(m.load(p, 4, &events) == 42u);
    m.free(p, &events);
    events.clear();
    // Use after free: reported, and the program keeps running.
    CHECK(m.load(p, 4, &events));
    CHECK(has_kind(events, EventKind::UseAfterFree));
    m.free(p, &events);
    CHECK(has_kind(events, EventKind::DoubleFree));
    CHECK(m.running());
    CHECK(m.errors().heap_errors >= 2);
}

TEST_CASE("A NULL dereference is a segmentation fault that ends the process, explained", "[machine][errors]") {
    Machine m = make();
    std::vector<Event> events;
    CHECK_FALSE(m.store(0, 4, 1, &events));
    CHECK_FALSE(m.running());
    CHECK(m.current().end == ProcessEnd::Segfault);
    REQUIRE(has_kind(events, EventKind::Segfault));
    const auto it = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::Segfault; });
    CHECK(it->text.find("NULL pointer") != std::string::npos);
    events.clear();
    CHECK_FALSE(m.malloc(8, &events));  // later operations are skipped with a reason
    CHECK(has_kind(events, EventKind::Skipped));
}

TEST_CASE("Unbounded recursion walks the stack into the guard page: a stack overflow", "[machine][stack][errors]") {
    MachineConfig config;
    config.stack_limit = 16 * 1024;  // a small stack so the demo overflows quickly
    Machine m = make(config);
    int depth = 0;
    while (m.call("recurse", {{"n", 0, static_cast<std::uint64_t>(depth)}}, {{"buffer", 100}}, m.code_address(3), nullptr)) {
        ++depth;
        REQUIRE(depth < 10000);
    }
    CHECK(m.current().end == ProcessEnd::StackOverflow);
    CHECK(m.errors().stack_overflows == 1);
    // Worked by hand (cdecl): 12 bytes of caller padding, n, the return address and the
    // saved frame pointer take 24 bytes; the 100-byte buffer is 16-byte aligned, so it
    // starts 128 bytes below the frame's top. 16 KiB / 128 = 128 frames fit exactly.
    CHECK(depth == 16 * 1024 / 128);
    // Every stack page that was used faulted in once: 4 pages.
    CHECK(m.mmu().stats().page_faults == 4);
}

TEST_CASE("Reading memory that was never written is shown as an uninitialised read", "[machine]") {
    Machine m = make();
    std::vector<Event> events;
    const std::uint64_t p = m.malloc(16, &events);
    events.clear();
    CHECK(m.load(p + 4, 4, &events) == 0u);
    CHECK(has_kind(events, EventKind::UninitialisedRead));
    CHECK(m.errors().uninitialised_reads == 1);
}

TEST_CASE("Exit reports blocks never freed as leaks, split by reachability", "[machine][heap]") {
    Machine m = make();
    std::vector<Event> events;
    const std::uint64_t kept = m.malloc(32, nullptr);
    m.malloc(64, nullptr);  // its pointer is lost
    m.exit({kept}, &events);
    CHECK(std::count_if(events.begin(), events.end(), [](const Event& e) { return e.kind == EventKind::Leak; }) == 2);
    CHECK(m.current().end == ProcessEnd::Exited);
}

TEST_CASE("Switching processes without ASIDs flushes the TLB", "[machine][vm]") {
    MachineConfig config;
    config.processes = 2;
    config.mmu.asid = false;
    Machine m = make(config);
    std::vector<Event> events;
    REQUIRE(m.call("main", {}, {}, m.code_address(1), nullptr));
    REQUIRE(m.switch_to(1, &events));
    CHECK(m.current_pid() == 1);
    CHECK(has_kind(events, EventKind::Switch));
    CHECK_FALSE(m.switch_to(7, &events));
    CHECK(has_kind(events, EventKind::NoSuchProcess));
}

TEST_CASE("A scaled address space splits its page table into levels of at most 10 bits", "[machine][vm]") {
    // Found by fuzzing: a 36-bit space with one level needed a 16-million-entry table.
    MachineConfig config;
    config.address_bits = 36;
    config.stack_limit = 64 * 1024;
    Machine m = make(config);
    const auto& levels = m.config().mmu.layout.level_bits;
    CHECK(levels.size() == 3);  // 24 VPN bits: 8 + 8 + 8
    for (std::uint32_t bits : levels) CHECK(bits <= 10);
    CHECK(m.call("main", {}, {}, m.code_address(1), nullptr));
}

namespace {

bool overlaps(std::uint64_t a, std::uint64_t a_size, std::uint64_t b, std::uint64_t b_size) {
    return a < b + b_size && b < a + a_size;
}

}  // namespace

TEST_CASE("Random heap ops never overlap blocks, wrap a range, or place a block over a fixed region",
          "[machine][heap][property]") {
    memsim::Prng rng{99};
    for (const std::uint32_t bits : {32u, 64u}) {
        for (int round = 0; round < 6; ++round) {
            MachineConfig config{.address_bits = bits};
            if (bits == 64) config.convention = stack::Convention::SysV64;
            Machine m = make(config);
            std::vector<Event> events;
            REQUIRE(m.call("main", {}, {{"x", 4}}, m.code_address(1), &events));
            const std::uint64_t space_end = bits == 64 ? 0 : std::uint64_t{1} << bits;  // 0: 2^64
            // Sizes up to 1 GiB (4 GiB on 64 bits), most of them small: on 32 bits the mmap
            // area fills, freed mappings are reused and a request that finds no gap gets NULL.
            const std::uint64_t big = bits == 64 ? std::uint64_t{1} << 32 : std::uint64_t{1} << 30;
            std::vector<std::pair<std::uint64_t, std::uint64_t>> live;  // pointer, size
            for (int op = 0; op < 120; ++op) {
                const std::uint64_t size = rng.below(3) == 0 ? 1 + rng.below(big) : 1 + rng.below(5000);
                const auto choice = rng.below(10);
                if (choice < 5 || live.empty()) {
                    const std::uint64_t p = m.malloc(size, &events);
                    if (p != 0) live.emplace_back(p, size);
                } else if (choice < 8) {
                    const auto at = static_cast<std::size_t>(rng.below(live.size()));
                    m.free(live[at].first, &events);
                    live.erase(live.begin() + static_cast<std::ptrdiff_t>(at));
                } else {
                    const auto at = static_cast<std::size_t>(rng.below(live.size()));
                    const std::uint64_t p = m.realloc(live[at].first, size, &events);
                    if (p != 0) live[at] = {p, size};  // NULL: the old block stays
                }
                REQUIRE(m.running());
                INFO(bits << " bits, round " << round << ", op " << op);
                for (std::size_t i = 0; i < live.size(); ++i) {
                    const auto [p, n] = live[i];
                    CHECK(p + n > p);                                 // no wrap past 2^64
                    if (space_end != 0) CHECK(p + n <= space_end);   // inside the address space
                    for (std::size_t j = i + 1; j < live.size(); ++j) {
                        CHECK_FALSE(overlaps(p, n, live[j].first, live[j].second));
                    }
                    for (const Region& r : m.layout().regions) {
                        if (r.kind == RegionKind::Heap || r.kind == RegionKind::Mmap) continue;
                        INFO("block " << std::hex << p << " + " << n << " over " << region_name(r.kind) << " "
                                      << r.start << "-" << r.end);
                        CHECK_FALSE(overlaps(p, n, r.start, r.end - r.start));
                    }
                }
            }
            CHECK(m.check_invariants().empty());
            // An access that runs past the top of the address space faults; it never wraps
            // around to address 0.
            const std::uint64_t top = space_end - 4;  // 2^bits - 4 (2^64 - 4 on 64 bits)
            CHECK_FALSE(m.store(top, 8, 5, &events));
            CHECK_FALSE(m.running());
        }
    }
}
