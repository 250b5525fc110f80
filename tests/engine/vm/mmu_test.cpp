#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/vm/mmu.hpp"

using namespace memsim::vm;

namespace {

Mmu make_mmu(MmuConfig config, std::uint32_t processes = 1) {
    std::vector<ProcessSpec> specs(processes);
    auto mmu = Mmu::create(config, specs);
    REQUIRE(mmu);
    return *mmu;
}

std::vector<MmuEventKind> kinds(const std::vector<MmuEvent>& events) {
    std::vector<MmuEventKind> out;
    for (const auto& e : events) out.push_back(e.kind);
    return out;
}

}  // namespace

TEST_CASE("An x86-32 translation walks the 10/10/12 tables by hand", "[vm][mmu][walk]") {
    // vaddr 0x00403004: directory index 1, table index 3, offset 4 (see address_test).
    // Mapping the page created table 1, so root entry 1 points at table 1; the leaf is
    // entry 3 of table 1 = entry 1027 of the page-table area, at byte 1027 * 4 = 4108.
    // The page is not present: demand-zero, minor fault, first free frame 0.
    // paddr = frame 0 * 4096 + offset 4 = 4.
    auto mmu = make_mmu({.layout = *layout_preset("x86-32"), .frames = 4});
    REQUIRE(mmu.map(0, 0x00403000, 4096, {.read = true, .write = true}));
    std::vector<MmuEvent> events;
    const auto t = mmu.access(0, 0x00403004, AccessKind::Read, &events);
    CHECK(t.outcome == Outcome::Ok);
    CHECK_FALSE(t.tlb_hit);
    CHECK(t.page_fault);
    CHECK_FALSE(t.major);
    REQUIRE(t.walk.count == 2);
    CHECK(t.walk.steps[0].index == 1);
    CHECK(t.walk.steps[0].entry_address == 4);
    CHECK(t.walk.steps[0].entry.present);
    CHECK(t.walk.steps[0].entry.pfn == 1);
    CHECK(t.walk.steps[1].index == 3);
    CHECK(t.walk.steps[1].entry_address == 4108);
    CHECK_FALSE(t.walk.steps[1].entry.present);
    CHECK(t.paddr == 4);
    CHECK(kinds(events) == std::vector<MmuEventKind>{MmuEventKind::TlbMiss, MmuEventKind::PageFault,
                                                     MmuEventKind::Translated});
    // Again: the TLB knows it now, no walk.
    const auto again = mmu.access(0, 0x00403ffc, AccessKind::Read);
    CHECK(again.tlb_hit);
    CHECK(again.paddr == 0xffc);
    CHECK(mmu.stats().walk_accesses == 2);
    CHECK(mmu.check_invariants().empty());
}

TEST_CASE("Unmapped addresses, wide addresses and forbidden accesses are faults, not crashes", "[vm][mmu]") {
    auto mmu = make_mmu({.layout = *layout_preset("x86-32"), .frames = 4});
    REQUIRE(mmu.map(0, 0x1000, 4096, {.read = true, .write = false}));
    CHECK(mmu.access(0, 0x2000, AccessKind::Read).outcome == Outcome::Segfault);       // table exists, leaf unmapped
    const auto far = mmu.access(0, 0x80000000, AccessKind::Read);                       // no table for dir 512
    CHECK(far.outcome == Outcome::Segfault);
    CHECK(far.walk.count == 1);
    CHECK(mmu.access(0, 0x1000, AccessKind::Write).outcome == Outcome::ProtectionFault);
    CHECK(mmu.access(0, 0x1000, AccessKind::Execute).outcome == Outcome::ProtectionFault);
    auto small = make_mmu({.layout = *layout_preset("teaching"), .frames = 2});
    std::vector<MmuEvent> events;
    CHECK(small.access(0, 0x8000, AccessKind::Read, &events).outcome == Outcome::Segfault);
    REQUIRE(events.size() == 1);
    CHECK(events[0].wider);
    CHECK(mmu.stats().segfaults == 2);
    CHECK(mmu.stats().protection_faults == 2);
}

TEST_CASE("A dirty victim goes to swap and comes back with a major fault", "[vm][mmu][swap]") {
    // One frame. Write A (zero-fill, minor). Read B: A is the victim and dirty, so it is
    // written to swap slot 0 first. Read A: major fault from slot 0; B is clean and
    // zero-backed, so it is dropped without a write.
    auto mmu = make_mmu({.layout = *layout_preset("teaching"), .frames = 1, .policy = {.kind = PolicyKind::Fifo}});
    REQUIRE(mmu.map(0, 0x0000, 64, {}));  // pages 0 and 1 (32-byte pages)
    mmu.access(0, 0x00, AccessKind::Write);
    std::vector<MmuEvent> events;
    mmu.access(0, 0x20, AccessKind::Read, &events);
    REQUIRE(events.size() == 4);
    CHECK(events[1].kind == MmuEventKind::Eviction);
    CHECK(events[1].victim_vpn == 0);
    CHECK(events[1].victim_dirty);
    CHECK(events[1].swap_slot == 0);
    CHECK(mmu.stats().writebacks == 1);
    events.clear();
    const auto back = mmu.access(0, 0x00, AccessKind::Read, &events);
    CHECK(back.major);
    CHECK(events[1].kind == MmuEventKind::Eviction);
    CHECK_FALSE(events[1].victim_dirty);
    CHECK(events[2].kind == MmuEventKind::PageFault);
    CHECK(events[2].source == Backing::Swap);
    CHECK(mmu.stats().writebacks == 1);
    CHECK(mmu.stats().swap_reads == 1);
    CHECK(mmu.stats().minor_faults == 2);
    CHECK(mmu.stats().major_faults == 1);
    CHECK(mmu.check_invariants().empty());
}

TEST_CASE("A write to a copy-on-write page is a minor fault that makes it writable", "[vm][mmu][cow]") {
    auto mmu = make_mmu({.layout = *layout_preset("teaching"), .frames = 2});
    REQUIRE(mmu.map(0, 0, 32, {.read = true, .write = false, .copy_on_write = true}));
    mmu.access(0, 0, AccessKind::Read);
    std::vector<MmuEvent> events;
    CHECK(mmu.access(0, 4, AccessKind::Write, &events).outcome == Outcome::Ok);
    CHECK(kinds(events) == std::vector<MmuEventKind>{MmuEventKind::TlbHit, MmuEventKind::CopyOnWrite,
                                                     MmuEventKind::Translated});
    CHECK(mmu.access(0, 8, AccessKind::Write).tlb_hit);
    CHECK(mmu.check_invariants().empty());
}

TEST_CASE("Local replacement keeps each process inside its share", "[vm][mmu][local]") {
    // 4 frames, 2 processes, equal shares: frames 0-1 and 2-3. Process 0 touches 3 pages:
    // the third evicts its own first page, never process 1's.
    auto mmu = make_mmu({.layout = *layout_preset("teaching"), .frames = 4, .scope = Scope::Local}, 2);
    REQUIRE(mmu.map(0, 0, 32 * 8, {}));
    REQUIRE(mmu.map(1, 0, 32 * 8, {}));
    mmu.access(1, 0x00, AccessKind::Read);
    for (std::uint64_t page : {0u, 1u, 2u}) mmu.access(0, page * 32, AccessKind::Read);
    CHECK(mmu.frames().owner[2] == 1);
    CHECK(mmu.frames().owner[0] == 0);
    CHECK(mmu.frames().vpn[0] == 2);  // LRU evicted page 0 of process 0 from frame 0
    CHECK(mmu.check_invariants().empty());
}

TEST_CASE("Proportional allocation shares frames by size", "[vm][mmu][local]") {
    // Sizes 10 and 30, 8 frames: 10/40 * 8 = 2 and 30/40 * 8 = 6.
    auto mmu = Mmu::create({.frames = 8, .scope = Scope::Local, .allocation = Allocation::Proportional},
                           {{"small", 10}, {"big", 30}});
    REQUIRE(mmu);
    CHECK(mmu->share(0) == std::pair<std::uint32_t, std::uint32_t>{0, 2});
    CHECK(mmu->share(1) == std::pair<std::uint32_t, std::uint32_t>{2, 6});
    // Equal: 8 / 3 = 2 each, the 2 left over go to the lowest ids: 3, 3, 2.
    auto equal = Mmu::create({.frames = 8, .scope = Scope::Local}, {{}, {}, {}});
    CHECK(equal->share(0).second == 3);
    CHECK(equal->share(2).second == 2);
}

TEST_CASE("Without ASIDs a process switch flushes the TLB", "[vm][mmu][tlb]") {
    for (const bool asid : {true, false}) {
        auto mmu = make_mmu({.layout = *layout_preset("teaching"), .frames = 8, .asid = asid}, 2);
        REQUIRE(mmu.map(0, 0, 32, {}));
        REQUIRE(mmu.map(1, 0, 32, {}));
        mmu.access(0, 0, AccessKind::Read);
        mmu.access(1, 0, AccessKind::Read);
        const auto back = mmu.access(0, 0, AccessKind::Read);
        CHECK(back.tlb_hit == asid);
        CHECK(mmu.stats().tlb_flushes == (asid ? 0u : 2u));
        CHECK(mmu.check_invariants().empty());
    }
}

TEST_CASE("OPT and bad shapes are refused by the MMU", "[vm][mmu]") {
    CHECK_FALSE(Mmu::create({.policy = {.kind = PolicyKind::Opt}}, {{}}));
    CHECK_FALSE(Mmu::create({.frames = 0}, {{}}));
    CHECK_FALSE(Mmu::create({.frames = 1, .scope = Scope::Local}, {{}, {}}));
    auto mmu = make_mmu({.layout = *layout_preset("teaching"), .frames = 2});
    REQUIRE(mmu.map(0, 0, 64, {}));
    CHECK_FALSE(mmu.map(0, 32, 32, {}));     // already mapped
    CHECK_FALSE(mmu.map(0, 0x7fe0, 64, {}));  // runs past the end
}

TEST_CASE("Page tables, frame table, inverted table, swap and TLB agree after every access",
          "[vm][mmu][property]") {
    memsim::Prng rng{99};
    for (const auto kind : all_policies()) {
        if (kind == PolicyKind::Opt) continue;
        for (int variant = 0; variant < 4; ++variant) {
            const MmuConfig config{.layout = *layout_preset("teaching"),
                                   .frames = static_cast<std::uint32_t>(rng.between(3, 12)),
                                   .policy = {.kind = kind, .tick = 5, .tau = 6},
                                   .tlb = {.entries = 4, .ways = variant % 2 == 0 ? 0u : 2u},
                                   .asid = variant < 2,
                                   .scope = variant % 2 == 0 ? Scope::Global : Scope::Local,
                                   .table = variant == 3 ? TableKind::Inverted : TableKind::Radix};
            auto mmu = make_mmu(config, 3);
            for (std::uint32_t p = 0; p < 3; ++p) {
                REQUIRE(mmu.map(p, 0, 32 * 20, {.read = true, .write = p != 2}));
                REQUIRE(mmu.map(p, 0x4000, 32 * 4, {.read = true, .write = false, .copy_on_write = true}));
            }
            for (int i = 0; i < 1500; ++i) {
                const auto p = static_cast<std::uint32_t>(rng.below(3));
                const std::uint64_t vaddr = rng.below(10) == 0 ? rng.below(0x8000) : rng.below(32 * 20);
                mmu.access(p, vaddr, rng.below(3) == 0 ? AccessKind::Write : AccessKind::Read);
                const auto problems = mmu.check_invariants();
                INFO(policy_name(kind) << " variant " << variant << " access " << i << ": "
                                       << (problems.empty() ? "" : problems[0]));
                REQUIRE(problems.empty());
            }
        }
    }
}

TEST_CASE("The MMU's effective access time uses the measured rates", "[vm][mmu][tlb]") {
    auto mmu = make_mmu({.layout = *layout_preset("teaching"), .frames = 4,
                     .latencies = {.tlb = 0, .memory = 100, .disk = 1000}});
    REQUIRE(mmu.map(0, 0, 32, {}));
    for (int i = 0; i < 4; ++i) mmu.access(0, 0, AccessKind::Read);
    // 3 hits of 4, two levels, no major fault: 0.75 * 100 + 0.25 * 300 = 150 ns.
    CHECK(mmu.effective_access_time() == Approx(150.0));
}

TEST_CASE("An MMU is a value: a copy is a checkpoint that replays identically", "[vm][mmu]") {
    auto mmu = make_mmu({.layout = *layout_preset("teaching"), .frames = 2, .policy = {.kind = PolicyKind::Clock}}, 2);
    REQUIRE(mmu.map(0, 0, 32 * 4, {}));
    REQUIRE(mmu.map(1, 0, 32 * 4, {}));
    mmu.access(0, 0x00, AccessKind::Write);
    mmu.access(1, 0x20, AccessKind::Read);
    const Mmu checkpoint = mmu;
    std::vector<MmuEvent> a, b;
    Mmu replay = checkpoint;
    for (const std::uint64_t vaddr : {0x40u, 0x00u, 0x60u}) {
        mmu.access(0, vaddr, AccessKind::Read, &a);
        replay.access(0, vaddr, AccessKind::Read, &b);
    }
    CHECK(a.size() == b.size());
    CHECK(mmu.stats() == replay.stats());
    CHECK(mmu.frames() == replay.frames());
    CHECK(checkpoint.stats().accesses == 2);
}
