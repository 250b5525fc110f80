#pragma once
// The MMU and the OS's page-fault handler: every load, store and instruction fetch of
// every process is translated here.
//
//   access(process, vaddr, kind)
//     |  split vaddr -> VPN | offset           (too wide: segmentation fault)
//     v
//   TLB lookup (ASID-tagged, or flushed at each process switch)
//     | hit: frame at once            miss: walk the page table (radix levels or
//     v                                     inverted-table probes), 1 memory access each
//   PTE checks: unmapped -> segmentation fault; forbidden access -> protection fault
//     | not present -> page fault:
//     |    free frame of the process's share, or victim = policy.victim()
//     |    victim dirty -> written to swap first; victim's PTE and TLB entry invalidated
//     |    load: demand-zero (minor fault), from swap or the mapped file (major fault)
//     | write to a copy-on-write page -> minor fault: frame still shared -> copy into a
//     |    frame of its own (may evict a victim); sole user -> just made writable
//     v
//   set R (and M on a write), fill the TLB, paddr = PFN * page size + offset
//
// Frames are shared by all processes. Global replacement: one policy over all frames,
// any process's page may be the victim. Local replacement: each process owns a fixed
// share of the frames (equal, or proportional to its declared size) and evicts only its
// own pages. Each event of an access (TLB hit or miss, fault, eviction, write-back,
// protection fault, segfault, flush) can be appended to an optional sink; without one
// the MMU only counts. The whole state is a value: copying an Mmu is a checkpoint.
//
// fork() copies a page table: every resident page's frame is then mapped by both
// processes (a reverse map lists each frame's users once there are two or more), every
// writable page with contents becomes read-only + copy-on-write in both, and swapped-out pages share
// their swap slot. Evicting a shared frame updates every PTE that maps it and writes it
// once. release() (exit) drops a process's mappings: frames and swap slots nobody else
// uses are free again and are handed out before any victim is chosen. Until a fork the
// reverse map is empty and costs nothing.
//
//   frame 2 <- P0 page 0x12 (COW)     P0 writes 0x12: copy into frame 5, P0 -> frame 5,
//           <- P1 page 0x12 (COW)     P1 keeps frame 2 (sole user: its next write only
//                                     makes it writable)
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/vm/address.hpp"
#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/page_table.hpp"
#include "memsim/vm/replacement/any_policy.hpp"
#include "memsim/vm/swap.hpp"
#include "memsim/vm/tlb.hpp"

namespace memsim::vm {

// What an access does with the page.
enum class AccessKind : std::uint8_t { Read, Write, Execute };
// Which pages a fault may evict.
enum class Scope : std::uint8_t { Global, Local };
// How local replacement shares the frames out.
enum class Allocation : std::uint8_t { Equal, Proportional };
// Which page table the MMU walks.
enum class TableKind : std::uint8_t { Radix, Inverted };

// A process known to the MMU; its id is its position in the list given to create().
struct ProcessSpec {
    std::string name = "P";
    std::uint64_t size = 1;  // pages, for proportional allocation
};

// Everything that shapes an Mmu.
struct MmuConfig {
    AddressLayout layout{};                      // address split (default x86-32)
    std::uint32_t frames = 16;                   // physical frames
    PolicyConfig policy{.kind = PolicyKind::Lru};  // replacement (not OPT: it needs the future)
    TlbConfig tlb{.entries = 16};                // entries = 0: no TLB
    bool asid = true;                            // tag TLB entries; false: flush on switch
    Scope scope = Scope::Global;
    Allocation allocation = Allocation::Equal;
    TableKind table = TableKind::Radix;
    Latencies latencies{};                       // for the effective access time
};

// One page-table entry's view of a frame: which process maps it at which page.
struct Mapping {
    std::uint32_t process = 0;
    std::uint64_t vpn = 0;
    bool operator==(const Mapping&) const = default;
};

// What fork() did to memory.
struct ForkOutcome {
    std::uint32_t child = 0;          // the new process
    std::uint32_t shared_frames = 0;  // resident pages now mapped by parent and child
    std::uint32_t cow_pages = 0;      // pages with contents (resident or swapped) now copy-on-write in both
    std::uint32_t shared_slots = 0;   // swapped-out pages whose slot both now name
};

// What release() (exit) gave back.
struct ReleaseOutcome {
    std::vector<std::uint32_t> freed_frames;  // frames nobody maps any more, in order
    std::uint32_t kept_frames = 0;            // frames still mapped by other processes
    std::uint32_t freed_slots = 0;            // swap slots nobody names any more
    std::uint32_t kept_slots = 0;             // swap slots other processes still name
};

// Kinds of event an access produces, in the order they happen.
enum class MmuEventKind : std::uint8_t {
    TlbFlush, TlbHit, TlbMiss, Segfault, ProtectionFault, Eviction, PageFault, CopyOnWrite, Translated
};

// One event; fields not used by a kind keep their defaults.
struct MmuEvent {
    MmuEventKind kind = MmuEventKind::Translated;
    std::uint32_t process = 0;          // the process making the access
    AccessKind access = AccessKind::Read;
    std::uint64_t vaddr = 0, vpn = 0;
    std::uint32_t frame = 0;            // frame involved (hit, fault, eviction)
    std::uint64_t paddr = 0;            // Translated
    std::uint32_t walk_accesses = 0;    // TlbMiss: page-table entries read
    bool inverted = false;              // TlbMiss: the inverted table was searched
    Backing source = Backing::Zero;     // PageFault: where the page came from
    bool major = false;                 // PageFault: needed disk I/O
    std::uint32_t swap_slot = 0;        // PageFault from swap / Eviction written to swap
    std::uint32_t victim_process = 0;   // Eviction
    std::uint64_t victim_vpn = 0;       // Eviction
    bool victim_dirty = false;          // Eviction: written to swap first
    bool wider = false;                 // Segfault: the address did not fit the width
    std::uint32_t sharers = 1;          // Eviction: PTEs that mapped the frame; CopyOnWrite: users left on the old frame
    std::uint32_t old_frame = 0;        // CopyOnWrite: the frame the page shared before
    std::uint32_t other_process = 0;    // CopyOnWrite (copied): a process that keeps the old frame
    bool copied = false;                // CopyOnWrite: the page was copied into a new frame

    bool operator==(const MmuEvent&) const = default;
};

// The outcome of one access.
enum class Outcome : std::uint8_t { Ok, ProtectionFault, Segfault };

// What one access did: its outcome, where it went, and what it cost on the way.
struct AccessResult {
    Outcome outcome = Outcome::Ok;
    std::uint64_t paddr = 0;
    std::uint32_t frame = 0;
    bool tlb_hit = false;
    bool page_fault = false;
    bool major = false;
};

// The outcome with the record of the page-table walk, as a lesson shows it.
struct Translation : AccessResult {
    Walk walk{};  // the page-table walk after a TLB miss
};

// Running totals.
struct MmuStats {
    std::uint64_t accesses = 0, tlb_hits = 0, tlb_misses = 0, page_faults = 0, minor_faults = 0,
                  major_faults = 0, protection_faults = 0, segfaults = 0, evictions = 0, writebacks = 0,
                  swap_reads = 0, walk_accesses = 0, switches = 0, tlb_flushes = 0, cow_faults = 0, cow_copies = 0,
                  forks = 0;
    bool operator==(const MmuStats&) const = default;
};

class Mmu {
public:
    // Checks the configuration and shares out the frames among the processes.
    static Result<Mmu> create(const MmuConfig& config, const std::vector<ProcessSpec>& processes);

    // Maps [vaddr, vaddr + bytes) of a process with a protection and a backing (Zero for
    // anonymous memory, File for a mapped file). Overlapping an existing mapping is an error.
    Result<bool> map(std::uint32_t process, std::uint64_t vaddr, std::uint64_t bytes, Protection protection,
                     Backing backing = Backing::Zero);

    // Unmaps the pages of [vaddr, vaddr + bytes) (munmap): their frames and swap slots are
    // released unless shared since a fork. Pages not mapped are skipped.
    ReleaseOutcome unmap(std::uint32_t process, std::uint64_t vaddr, std::uint64_t bytes);

    // Translates one access, handling faults; events go to `sink` when given.
    Translation access(std::uint32_t process, std::uint64_t vaddr, AccessKind kind,
                       std::vector<MmuEvent>* sink = nullptr);
    // The same access without the walk's record, for callers that never show it (the
    // machine's loads and stores): a Walk is some 600 bytes to clear on every access.
    AccessResult access_without_walk(std::uint32_t process, std::uint64_t vaddr, AccessKind kind,
                                     std::vector<MmuEvent>* sink = nullptr) {
        return translate(process, vaddr, kind, sink, nullptr);
    }

    // Makes `process` the running one (flushes the TLB when entries carry no ASID).
    void switch_to(std::uint32_t process, std::vector<MmuEvent>* sink = nullptr);

    // A new process whose address space is a copy-on-write copy of `parent`'s.
    ForkOutcome fork(std::uint32_t parent);
    // Drops every mapping of a process (it exited): its page table is emptied.
    ReleaseOutcome release(std::uint32_t process);
    // Page-table entries that map a frame: 0 free, 1 private, 2+ shared since a fork.
    std::uint32_t users(std::uint32_t frame) const;
    // Every (process, page) that maps a frame, in the order they came.
    std::vector<Mapping> mappings(std::uint32_t frame) const;
    // Whether release() emptied the process.
    bool released(std::uint32_t process) const { return processes_[process].released; }

    // Disagreements between page tables, frame table, TLB, inverted table and swap.
    std::vector<std::string> check_invariants() const;

    // Effective access time in ns from the measured TLB hit and fault rates.
    double effective_access_time() const;

    const MmuConfig& config() const { return config_; }
    const MmuStats& stats() const { return stats_; }
    const FrameTable& frames() const { return frames_; }
    const std::optional<Tlb>& tlb() const { return tlb_; }
    const SwapSpace& swap() const { return swap_; }
    const RadixPageTable& page_table(std::uint32_t process) const { return processes_[process].table; }
    std::uint32_t process_count() const { return static_cast<std::uint32_t>(processes_.size()); }
    // First frame and number of frames of a process's share (the whole memory if global).
    std::pair<std::uint32_t, std::uint32_t> share(std::uint32_t process) const;

private:
    struct Process {
        std::string name;
        RadixPageTable table;
        std::uint32_t partition = 0;  // local replacement: whose share it uses (a child its parent's)
        bool released = false;
    };
    struct Partition {
        std::uint32_t base = 0, size = 0, used = 0;
        AnyPolicy policy;
        std::vector<std::uint32_t> free{};  // frames given back by exits, highest first
    };
    struct FrameChoice {
        std::uint32_t frame = 0;
        bool recycled = false;  // a freed frame: the policy already knows it
    };

    Mmu(const MmuConfig& config, std::vector<Process> processes, std::vector<Partition> partitions);
    std::uint32_t asid_of(std::uint32_t process) const { return config_.asid ? process : 0; }
    Partition& partition_of(std::uint32_t process) {
        return partitions_[config_.scope == Scope::Global ? 0 : processes_[process].partition];
    }
    // access(), with the walk after a TLB miss copied to `walk` when it is not null.
    AccessResult translate(std::uint32_t process, std::uint64_t vaddr, AccessKind kind, std::vector<MmuEvent>* sink,
                           Walk* walk);
    void look_up(std::uint32_t process, const AddressParts& parts, const MmuEvent& base, AccessResult& t, Walk* walk,
                 std::vector<MmuEvent>* sink);
    void copy_on_write(std::uint32_t process, Pte& pte, const MmuEvent& base, const Moment& moment, AccessResult& t,
                       std::vector<MmuEvent>* sink);
    std::uint32_t fault_in(std::uint32_t process, std::uint64_t vpn, Pte& pte, bool write, const Moment& moment,
                           std::vector<MmuEvent>* sink);
    FrameChoice take_frame(std::uint32_t process, std::vector<MmuEvent>* sink);
    void note_load(std::uint32_t process, const FrameChoice& choice, const Moment& moment);
    void evict(std::uint32_t frame, std::vector<MmuEvent>* sink);
    void add_user(std::uint32_t frame, const Mapping& mapping);
    std::uint32_t drop_user(std::uint32_t frame, const Mapping& mapping);
    void free_frame(std::uint32_t frame);
    Pte& pte_of(std::uint32_t process, std::uint64_t vpn);
    // The leaf entry index of a page (no_entry when unmapped above the leaf), remembered
    // for recently used pages: a program's loads and stores revisit a few pages, and a
    // table's entries never move (tables are only added; release() forgets them all).
    std::uint32_t leaf_of(std::uint32_t process, const AddressParts& parts);
    void check_sharing(std::vector<std::string>& bad) const;

    MmuConfig config_;
    std::vector<Process> processes_;
    std::vector<Partition> partitions_;
    FrameTable frames_;
    std::optional<Tlb> tlb_;
    std::optional<InvertedPageTable> inverted_;
    SwapSpace swap_;
    std::map<std::uint32_t, std::vector<Mapping>> shared_;  // reverse map of frames with 2+ users
    std::uint32_t current_ = 0;
    MmuStats stats_;
    struct RememberedLeaf {
        std::uint32_t process = 0;
        std::uint64_t vpn = 0;
        std::uint32_t at = no_entry;
    };
    std::array<RememberedLeaf, 8> leaves_{};  // leaf_of's memory, by the page number's low bits
};

// "read", "write", "execute" and back.
std::string_view access_name(AccessKind kind);
Result<AccessKind> parse_access(std::string_view name);

}  // namespace memsim::vm
