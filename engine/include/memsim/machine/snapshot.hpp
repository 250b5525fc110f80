#pragma once
// Everything a panel (or `memsim run --json`) needs to show one step, as plain values:
// no pointers into the engine, so the UI can keep it while the simulation moves on.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "memsim/heap/block.hpp"
#include "memsim/heap/glibc_view.hpp"
#include "memsim/heap/metrics.hpp"
#include "memsim/machine/layout.hpp"
#include "memsim/machine/program_view.hpp"
#include "memsim/ostep/problem.hpp"
#include "memsim/stack/call_stack.hpp"

namespace memsim::machine {

// One page of a process that has been in memory: resident now, or written out to swap.
struct PageView {
    std::uint64_t vpn = 0;
    bool present = false;
    std::uint32_t frame = 0;                 // valid when present
    std::string where;                       // backing when not present: "zero", "swap", "file"
    std::uint32_t swap_slot = 0;             // valid when where == "swap"
    bool writable = false;
    bool cow = false;                        // copy-on-write: shared since fork until a write
    std::uint32_t users = 0;                 // page-table entries mapping its frame (2+: shared)
};

// One process: its regions, call stack and heap.
struct ProcessView {
    std::uint32_t pid = 0;
    std::string state;                       // "running", "exited", "segmentation fault", ...
    std::vector<Region> regions;
    std::uint64_t stack_pointer = 0, frame_pointer = 0, stack_top = 0, stack_floor = 0;
    std::vector<stack::Slot> start_block;    // argc, argv and its strings above the first frame (highest first)
    std::vector<stack::Frame> frames;        // oldest first
    std::vector<heap::BlockView> blocks;     // address order
    std::vector<std::vector<std::uint64_t>> free_lists;  // block addresses in search order (explicit lists)
    std::vector<std::uint64_t> swapped_pages;  // VPNs not in memory whose contents are in swap, ascending
    heap::HeapMetrics heap;
    std::uint64_t heap_start = 0, brk = 0;
    std::optional<heap::GlibcArenaView> glibc;  // the glibc allocator's bins, top and thresholds
    std::vector<PageView> pages;             // ops and programs: pages resident or in swap, by vpn
    std::optional<ProgramView> program;      // programs: variables, typed blocks, pointers
};

// One physical frame.
struct FrameView {
    bool used = false;
    std::uint32_t owner = 0;                 // process (MMU) or 0
    std::uint64_t page = 0;                  // virtual page number (or the reference's page number)
    bool referenced = false, dirty = false;
    std::uint32_t users = 0;                 // page-table entries mapping it (2+: shared since fork)
    std::vector<std::pair<std::uint32_t, std::uint64_t>> sharers;  // (process, page) of each user when shared
};

// One TLB entry.
struct TlbEntryView {
    bool valid = false;
    std::uint32_t asid = 0;
    std::uint64_t vpn = 0;
    std::uint32_t pfn = 0;
};

// Paging state and counters.
struct VmView {
    std::string policy;
    std::uint64_t page_size = 0;
    std::vector<FrameView> frames;
    std::vector<TlbEntryView> tlb;
    std::optional<std::uint32_t> last_frame;     // frame touched by the last step
    std::optional<std::uint64_t> last_victim;    // page evicted by the last step
    std::uint64_t references = 0, hits = 0, faults = 0, writebacks = 0, tlb_hits = 0, tlb_misses = 0,
                  swap_used = 0, cow_faults = 0, cow_copies = 0;
};

// An OSTEP translation problem and how far it has been answered (kind = "ostep"). The
// problem is immutable and shared, so a snapshot copies a pointer, not the page table.
struct OstepView {
    std::shared_ptr<const ostep::OstepProblem> problem;
    std::size_t answered = 0;   // translations revealed: 1..answered are answered, the last is this step's
};

// One step of a run, as shown.
struct Snapshot {
    std::string kind;                          // body kind: "ops", "references", ...
    std::string title;
    std::uint64_t step = 0, total_steps = 0;
    int line = 0;                              // source line of the next step
    std::uint32_t current_process = 0;
    std::vector<ProcessView> processes;        // ops and programs
    std::optional<VmView> vm;
    std::optional<OstepView> ostep;            // OSTEP translation problems
    std::map<std::string, std::uint64_t> pointers;  // names the scenario gave to addresses
    std::string output;                        // what a program printed so far
    std::string program_status;                // programs: "running", "exited", "stopped", "paused"
    std::string stop_reason;                   // programs: why it stopped or paused
};

}  // namespace memsim::machine
