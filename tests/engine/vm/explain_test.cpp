#include <catch2/catch.hpp>

#include "memsim/vm/explain.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("Replacement steps are explained in plain words", "[vm][explain]") {
    const auto run = replay(PolicyKind::Lru, 2, "1,2w,1,3,1");
    CHECK(explain(run.steps[0], PolicyKind::Lru) == "Page 1 was not in memory; the OS loaded it into free frame 0.");
    CHECK(explain(run.steps[2], PolicyKind::Lru) == "Page 1 was already in frame 0: a hit.");
    CHECK(explain(run.steps[3], PolicyKind::Lru) ==
          "Page 3 was not in memory and every frame was full, so the OS evicted page 2 from frame 1 "
          "(lru evicts the least recently used page); it was dirty, so it was written to swap first. "
          "Page 3 now sits in frame 1.");
}

TEST_CASE("MMU events are explained with their numbers", "[vm][explain]") {
    MmuEvent fault{.kind = MmuEventKind::PageFault, .process = 1, .vpn = 7, .frame = 3, .source = Backing::Swap,
                   .major = true, .swap_slot = 2};
    CHECK(explain(fault, PolicyKind::Lru) ==
          "Major page fault: page 0x7 of process 1 was not in memory, so the OS read it from swap slot 2 into frame 3.");
    MmuEvent evict{.kind = MmuEventKind::Eviction, .frame = 3, .swap_slot = 0, .victim_process = 0, .victim_vpn = 2,
                   .victim_dirty = true};
    evict.vpn = 2;
    CHECK(explain(evict, PolicyKind::Fifo) ==
          "To make room the OS evicted page 0x2 of process 0 from frame 3 (fifo evicts the page loaded longest "
          "ago); it was dirty, so it was written to swap slot 0 first.");
    MmuEvent seg{.kind = MmuEventKind::Segfault, .vaddr = 0x8000, .wider = true};
    CHECK(explain(seg, PolicyKind::Lru) == "Address 0x8000 does not fit in the address space: segmentation fault.");
}
