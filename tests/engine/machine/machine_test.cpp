#include <catch2/catch.hpp>

#include <algorithm>

#include "memsim/machine/machine.hpp"

using namespace memsim;
using namespace memsim::machine;

namespace {
bool has_kind(const std::vector<Event>& events, const std::string& kind) {
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
    CHECK(has_kind(events, "call"));
    CHECK(has_kind(events, "page-fault"));
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
    CHECK(has_kind(events, "brk"));
    const auto faults = m.mmu().stats().page_faults;
    REQUIRE(m.store(p, 4, 42, &events));
    CHECK(m.mmu().stats().page_faults >= faults);  // the allocator's header write may already have faulted it in
    CHECK(m.load(p, 4, &events) == 42u);
    m.free(p, &events);
    events.clear();
    // Use after free: reported, and the program keeps running.
    CHECK(m.load(p, 4, &events));
    CHECK(has_kind(events, "use-after-free"));
    m.free(p, &events);
    CHECK(has_kind(events, "double-free"));
    CHECK(m.running());
    CHECK(m.errors().heap_errors >= 2);
}

TEST_CASE("A NULL dereference is a segmentation fault that ends the process, explained", "[machine][errors]") {
    Machine m = make();
    std::vector<Event> events;
    CHECK_FALSE(m.store(0, 4, 1, &events));
    CHECK_FALSE(m.running());
    CHECK(m.current().end == ProcessEnd::Segfault);
    REQUIRE(has_kind(events, "segfault"));
    const auto it = std::find_if(events.begin(), events.end(), [](const Event& e) { return e.kind == "segfault"; });
    CHECK(it->text.find("NULL pointer") != std::string::npos);
    events.clear();
    CHECK_FALSE(m.malloc(8, &events));  // later operations are skipped with a reason
    CHECK(has_kind(events, "skipped"));
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
    CHECK(has_kind(events, "uninitialised-read"));
    CHECK(m.errors().uninitialised_reads == 1);
}

TEST_CASE("Exit reports blocks never freed as leaks, split by reachability", "[machine][heap]") {
    Machine m = make();
    std::vector<Event> events;
    const std::uint64_t kept = m.malloc(32, nullptr);
    m.malloc(64, nullptr);  // its pointer is lost
    m.exit({kept}, &events);
    CHECK(std::count_if(events.begin(), events.end(), [](const Event& e) { return e.kind == "leak"; }) == 2);
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
    CHECK(has_kind(events, "switch"));
    CHECK_FALSE(m.switch_to(7, &events));
    CHECK(has_kind(events, "no-such-process"));
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
