#include <catch2/catch.hpp>

#include <algorithm>

#include "memsim/core/prng.hpp"
#include "memsim/vm/mmu.hpp"

using namespace memsim::vm;

// The teaching layout: 32-byte pages, so page n starts at n * 32.
namespace {

constexpr std::uint64_t page_bytes = 32;

Mmu one_process_mmu(MmuConfig config) {
    config.layout = *layout_preset("teaching");
    auto mmu = Mmu::create(config, {ProcessSpec{}});
    REQUIRE(mmu);
    REQUIRE(mmu->map(0, 0, 8 * page_bytes, {}));
    return *mmu;
}

const Pte& pte(const Mmu& mmu, std::uint32_t process, std::uint64_t vpn) {
    const auto& table = mmu.page_table(process);
    return table.entry(table.find(*split_address(mmu.config().layout, vpn * page_bytes)));
}

std::vector<MmuEvent> of_kind(const std::vector<MmuEvent>& events, MmuEventKind kind) {
    std::vector<MmuEvent> out;
    std::copy_if(events.begin(), events.end(), std::back_inserter(out), [&](const MmuEvent& e) { return e.kind == kind; });
    return out;
}

}  // namespace

TEST_CASE("fork shares every frame copy-on-write; the first write copies, the last user's write does not",
          "[vm][mmu][fork][cow]") {
    Mmu mmu = one_process_mmu({.frames = 4});
    mmu.access(0, 0 * page_bytes, AccessKind::Write);  // page 0 -> frame 0
    mmu.access(0, 1 * page_bytes, AccessKind::Write);  // page 1 -> frame 1
    const ForkOutcome fork = mmu.fork(0);
    REQUIRE(mmu.check_invariants().empty());
    CHECK(fork.child == 1);
    CHECK(fork.shared_frames == 2);
    CHECK(fork.cow_pages == 2);  // the untouched pages stay demand-zero in both
    CHECK(mmu.users(0) == 2);
    CHECK(mmu.users(1) == 2);
    CHECK(mmu.mappings(0) == std::vector<Mapping>{{0, 0}, {1, 0}});
    for (std::uint32_t p : {0u, 1u}) {
        CHECK(pte(mmu, p, 0).protection.copy_on_write);
        CHECK_FALSE(pte(mmu, p, 0).protection.write);
        CHECK(pte(mmu, p, 0).pfn == 0);
    }

    // The parent writes page 0: one COW fault, one copy into the first free frame (2).
    std::vector<MmuEvent> events;
    const auto minor_before = mmu.stats().minor_faults;
    CHECK(mmu.access(0, 0 * page_bytes + 4, AccessKind::Write, &events).frame == 2);
    REQUIRE(mmu.check_invariants().empty());
    const auto cow = of_kind(events, MmuEventKind::CopyOnWrite);
    REQUIRE(cow.size() == 1);
    CHECK(cow[0].copied);
    CHECK(cow[0].old_frame == 0);
    CHECK(cow[0].frame == 2);
    CHECK(cow[0].other_process == 1);
    CHECK(mmu.stats().cow_faults == 1);
    CHECK(mmu.stats().cow_copies == 1);
    CHECK(mmu.stats().minor_faults == minor_before + 1);
    CHECK(mmu.users(0) == 1);  // the child alone
    CHECK(mmu.users(2) == 1);  // the parent's copy
    CHECK(mmu.frames().owner[0] == 1);
    CHECK(mmu.frames().dirty[2] == 1);
    CHECK(mmu.frames().dirty[0] == 1);  // written before the fork; the copy did not change it
    CHECK(pte(mmu, 0, 0).protection.write);
    CHECK_FALSE(pte(mmu, 1, 0).protection.write);

    // The child writes page 0: it is the frame's only user now, so no copy.
    events.clear();
    CHECK(mmu.access(1, 0 * page_bytes, AccessKind::Write, &events).frame == 0);
    REQUIRE(mmu.check_invariants().empty());
    const auto again = of_kind(events, MmuEventKind::CopyOnWrite);
    REQUIRE(again.size() == 1);
    CHECK_FALSE(again[0].copied);
    CHECK(mmu.stats().cow_faults == 2);
    CHECK(mmu.stats().cow_copies == 1);
    CHECK(pte(mmu, 1, 0).protection.write);

    // Reads of a shared page need no copy at all.
    events.clear();
    mmu.access(1, 1 * page_bytes, AccessKind::Read, &events);
    CHECK(of_kind(events, MmuEventKind::CopyOnWrite).empty());
    CHECK(mmu.users(1) == 2);
}

TEST_CASE("Evicting a shared frame updates every PTE that maps it and writes it to swap once",
          "[vm][mmu][fork][swap]") {
    Mmu mmu = one_process_mmu({.frames = 2});  // LRU
    mmu.access(0, 0 * page_bytes, AccessKind::Write);  // frame 0
    mmu.access(0, 1 * page_bytes, AccessKind::Write);  // frame 1
    mmu.fork(0);
    mmu.access(0, 1 * page_bytes, AccessKind::Read);   // page 0 is now the least recently used
    std::vector<MmuEvent> events;
    mmu.access(0, 2 * page_bytes, AccessKind::Read, &events);
    REQUIRE(mmu.check_invariants().empty());
    const auto evicted = of_kind(events, MmuEventKind::Eviction);
    REQUIRE(evicted.size() == 1);
    CHECK(evicted[0].frame == 0);
    CHECK(evicted[0].sharers == 2);
    CHECK(evicted[0].victim_dirty);
    CHECK(mmu.stats().writebacks == 1);
    const std::uint32_t slot = evicted[0].swap_slot;
    for (std::uint32_t p : {0u, 1u}) {
        CHECK_FALSE(pte(mmu, p, 0).present);
        CHECK(pte(mmu, p, 0).where == Backing::Swap);
        CHECK(pte(mmu, p, 0).swap_slot == slot);
    }
    CHECK(mmu.swap().users(slot) == 2);

    // The child reads it back into a frame of its own, then writes it: sole user of the
    // frame, so no copy; the swap slot stays the parent's old copy and the child's next
    // write-back goes to a new slot.
    mmu.access(1, 0, AccessKind::Read);
    mmu.access(1, 0, AccessKind::Write);
    CHECK(mmu.stats().cow_copies == 0);
    REQUIRE(mmu.check_invariants().empty());
    mmu.access(1, 3 * page_bytes, AccessKind::Read);
    mmu.access(1, 4 * page_bytes, AccessKind::Read);  // evicts the child's dirty page 0 among others
    REQUIRE(mmu.check_invariants().empty());
    CHECK(pte(mmu, 1, 0).where == Backing::Swap);
    CHECK(pte(mmu, 1, 0).swap_slot != slot);
    CHECK(mmu.swap().users(slot) == 1);
    CHECK(pte(mmu, 0, 0).swap_slot == slot);
}

TEST_CASE("Exit gives back frames and swap slots nobody else uses, and shared ones lose a user",
          "[vm][mmu][fork][exit]") {
    Mmu mmu = one_process_mmu({.frames = 2});
    for (std::uint64_t p : {0u, 1u, 2u}) mmu.access(0, p * page_bytes, AccessKind::Write);  // page 0 -> swap slot 0
    REQUIRE(pte(mmu, 0, 0).where == Backing::Swap);
    const ForkOutcome fork = mmu.fork(0);
    CHECK(fork.shared_slots == 1);
    CHECK(mmu.swap().users(0) == 2);

    const ReleaseOutcome child = mmu.release(1);
    REQUIRE(mmu.check_invariants().empty());
    CHECK(child.freed_frames.empty());
    CHECK(child.kept_frames == 2);
    CHECK(child.freed_slots == 0);
    CHECK(child.kept_slots == 1);
    CHECK(mmu.users(0) == 1);
    CHECK(mmu.swap().users(0) == 1);
    CHECK(mmu.released(1));

    const ReleaseOutcome parent = mmu.release(0);
    REQUIRE(mmu.check_invariants().empty());
    CHECK(parent.freed_frames == std::vector<std::uint32_t>{0, 1});
    CHECK(parent.freed_slots == 1);
    CHECK(mmu.swap().used() == 0);
    CHECK(mmu.users(0) == 0);
    CHECK(mmu.frames().owner[1] == no_owner);
}

TEST_CASE("Frames freed by an exit are handed out before any victim is chosen", "[vm][mmu][exit]") {
    Mmu mmu = one_process_mmu({.frames = 3});
    mmu.access(0, 0, AccessKind::Write);  // frame 0
    mmu.fork(0);
    mmu.access(1, 1 * page_bytes, AccessKind::Write);  // child: frame 1
    mmu.access(1, 2 * page_bytes, AccessKind::Write);  // child: frame 2 (memory now full)
    mmu.release(1);                               // frames 1 and 2 free again
    std::vector<MmuEvent> events;
    mmu.access(0, 5 * page_bytes, AccessKind::Read, &events);
    CHECK(of_kind(events, MmuEventKind::Eviction).empty());
    CHECK(of_kind(events, MmuEventKind::PageFault).at(0).frame == 1);
    mmu.access(0, 6 * page_bytes, AccessKind::Read, &events);
    CHECK(of_kind(events, MmuEventKind::Eviction).empty());
    events.clear();
    mmu.access(0, 7 * page_bytes, AccessKind::Read, &events);  // now a victim is needed
    CHECK(of_kind(events, MmuEventKind::Eviction).size() == 1);
    CHECK(mmu.check_invariants().empty());
}

TEST_CASE("A switch flushes the TLB without ASIDs and keeps it with them", "[vm][mmu][fork][tlb]") {
    for (const bool asid : {false, true}) {
        Mmu mmu = one_process_mmu({.frames = 4, .tlb = {.entries = 4}, .asid = asid});
        mmu.access(0, 0, AccessKind::Read);
        mmu.fork(0);
        mmu.access(0, 0, AccessKind::Read);  // the parent's entry again (fork dropped its writable one)
        std::vector<MmuEvent> events;
        mmu.switch_to(1, &events);
        const auto valid = std::count_if(mmu.tlb()->entries().begin(), mmu.tlb()->entries().end(),
                                         [](const TlbEntry& e) { return e.valid; });
        if (asid) {
            CHECK(events.empty());
            CHECK(valid == 1);
            CHECK(mmu.stats().tlb_flushes == 0);
        } else {
            CHECK(of_kind(events, MmuEventKind::TlbFlush).size() == 1);
            CHECK(valid == 0);
            CHECK(mmu.stats().tlb_flushes == 1);
        }
        // The child's first access misses either way: its ASID (or the flush) hides the parent's entry.
        CHECK_FALSE(mmu.access(1, 0, AccessKind::Read).tlb_hit);
        CHECK(mmu.check_invariants().empty());
    }
}

TEST_CASE("Random forks, exits and accesses keep page tables, reverse map, swap and TLB in agreement",
          "[vm][mmu][fork][property]") {
    const std::vector<PolicyKind> policies{PolicyKind::Lru, PolicyKind::Fifo, PolicyKind::Clock, PolicyKind::SecondChance,
                                           PolicyKind::WsClock, PolicyKind::Aging, PolicyKind::Random};
    for (const PolicyKind policy : policies) {
        for (const TableKind table : {TableKind::Radix, TableKind::Inverted}) {
            for (const bool asid : {true, false}) {
                Mmu mmu = one_process_mmu({.frames = 5, .policy = {.kind = policy}, .tlb = {.entries = 4}, .asid = asid, .table = table});
                memsim::Prng prng(static_cast<std::uint64_t>(policy) * 7 + (asid ? 1 : 0));
                std::vector<std::uint32_t> alive{0};
                for (int i = 0; i < 600 && !alive.empty(); ++i) {
                    const std::uint32_t who = alive[static_cast<std::size_t>(prng.below(alive.size()))];
                    const std::uint64_t roll = prng.below(100);
                    if (roll < 3 && alive.size() < 6) {
                        alive.push_back(mmu.fork(who).child);
                    } else if (roll < 5 && alive.size() > 1) {
                        mmu.release(who);
                        alive.erase(std::find(alive.begin(), alive.end(), who));
                    } else {
                        const auto kind = roll % 3 == 0 ? AccessKind::Write : AccessKind::Read;
                        REQUIRE(mmu.access(who, prng.below(8) * page_bytes, kind).outcome == Outcome::Ok);
                    }
                    const auto problems = mmu.check_invariants();
                    INFO("policy " << policy_name(policy) << ", step " << i << ": " << (problems.empty() ? "" : problems.front()));
                    REQUIRE(problems.empty());
                }
            }
        }
    }
}

TEST_CASE("After an exit the process's pages are gone, even the ones it used last", "[vm][mmu][exit]") {
    // The MMU remembers the page-table entries of recently used pages; exit must forget them.
    Mmu mmu = one_process_mmu({.frames = 4});
    mmu.fork(0);
    mmu.access(0, 3 * page_bytes, AccessKind::Read);
    mmu.access(1, 3 * page_bytes, AccessKind::Write);  // the child's page 3 is the last one used
    mmu.release(1);
    CHECK(mmu.access(1, 3 * page_bytes, AccessKind::Read).outcome == Outcome::Segfault);
    CHECK(mmu.access(0, 3 * page_bytes, AccessKind::Read).outcome == Outcome::Ok);
    REQUIRE(mmu.check_invariants().empty());
}
