#pragma once
// Pager: one address space whose pages compete for a fixed number of frames under one
// replacement policy, optionally behind a TLB. It is the engine of `memsim replace`,
// of the Belady sweep and of the benchmark; Mmu adds page tables, swap and processes.
//
//   reference (page, write) --> TLB? --> page -> frame map --> hit: set R (and M)
//                                                         \-> fault: free frame, or
//                                                             victim = policy.victim(),
//                                                             dirty victim written back
//
// Pages are dense ids 0..page_space-1 (see DenseTrace in trace.hpp). State is plain
// vectors; copying a Pager is a checkpoint. A pager never holds more pages than the page
// space, so it allocates at most page_space frames however many are configured: the
// frames past that stay free forever and cost nothing (`--frames 1048576` on a short
// trace allocates only what the trace can use). access() returns a small value describing
// the step; run() is the bulk mode: no events, no allocation, counters only.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/any_policy.hpp"
#include "memsim/vm/tlb.hpp"

namespace memsim::vm {

// Frames, policy and TLB of a Pager.
struct PagerConfig {
    std::uint32_t frames = 3;    // physical frames, at least 1
    PolicyConfig policy{};       // replacement policy
    TlbConfig tlb{};             // entries = 0: no TLB
};

// What one reference did.
struct PagerStep {
    std::uint32_t page = 0;             // the page referenced
    std::uint32_t frame = 0;            // the frame that holds it afterwards
    std::uint32_t victim = no_page;     // the page evicted, or no_page
    bool write = false;                 // the reference was a write
    bool hit = false;                   // the page was resident
    bool tlb_hit = false;               // the TLB knew the translation
    bool victim_dirty = false;          // the victim was written back to swap
    bool operator==(const PagerStep&) const = default;
};

// Running totals.
struct PagerCounters {
    std::uint64_t references = 0, hits = 0, faults = 0, writebacks = 0;
    bool operator==(const PagerCounters&) const = default;
};

class Pager {
public:
    // Checks the configuration (frames >= 1, policy parameters, TLB shape).
    static Result<Pager> create(const PagerConfig& config, std::uint32_t page_space);

    // One reference. next_use is needed by OPT only (see next_use_times).
    PagerStep access(std::uint32_t page, bool write, std::uint64_t next_use = never);

    // Bulk mode: every reference of a trace, counters only. `writes` may be empty (all
    // reads); `next_use` may be empty unless the policy is OPT.
    void run(std::span<const std::uint32_t> pages, std::span<const std::uint8_t> writes,
             std::span<const std::uint64_t> next_use);

    // Page in each frame (no_page when free), by frame number; config().frames entries.
    std::vector<std::uint32_t> frame_pages() const;
    // Frames in use: frames fill in order, so these are frames 0..used_frames()-1.
    std::uint32_t used_frames() const { return used_; }
    // The page in a frame in use (frame < used_frames()).
    std::uint32_t page_in(std::uint32_t frame) const { return static_cast<std::uint32_t>(frames_.vpn[frame]); }
    // The frame holding a page, or no_frame.
    std::uint32_t frame_of(std::uint32_t page) const { return page_frame_[page]; }

    const PagerCounters& counters() const { return counters_; }
    const FrameTable& frames() const { return frames_; }
    const AnyPolicy& policy() const { return policy_; }
    const std::optional<Tlb>& tlb() const { return tlb_; }
    const PagerConfig& config() const { return config_; }

    // Disagreements between the page map, the frame table and the TLB; empty when sound.
    std::vector<std::string> check_invariants() const;

private:
    Pager(const PagerConfig& config, std::uint32_t page_space);

    template <class Policy, bool HasTlb>
    PagerStep access_with(Policy& policy, std::uint32_t page, bool write, std::uint64_t next_use);
    template <class Policy>
    std::uint32_t fault_with(Policy& policy, PagerStep& step, const Moment& moment);
    template <class Policy, bool HasTlb, bool HasWrites>
    void run_with(Policy& policy, std::span<const std::uint32_t> pages,
                  std::span<const std::uint8_t> writes, std::span<const std::uint64_t> next_use);

    PagerConfig config_;
    FrameTable frames_;
    std::vector<std::uint32_t> page_frame_;  // page -> frame or no_frame
    AnyPolicy policy_;
    std::optional<Tlb> tlb_;
    std::uint32_t used_ = 0;                 // frames 0..used_-1 are occupied
    // The previous reference's page and its TLB slot: a repeat is a known TLB hit, so
    // the bulk loop skips the set search (half the references of a typical trace).
    std::uint32_t tlb_last_page_ = no_page;
    std::uint32_t tlb_last_slot_ = no_slot;
    PagerCounters counters_;
};

}  // namespace memsim::vm
