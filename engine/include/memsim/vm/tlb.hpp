#pragma once
// The TLB (translation lookaside buffer): a small cache of recent translations
// VPN -> PFN, checked before the page table. A hit costs no memory access for the walk.
//
//   vpn ---> set = vpn mod sets ---> compare the tags of the `ways` entries of that set
//                                      hit: pfn (and the protection bits) at once
//                                      miss: walk the page table, then insert
//
//   fully associative: ways = entries, one set     direct mapped: ways = 1
//
// Each entry carries an ASID (address-space id). With ASIDs, entries of several
// processes live side by side and a switch changes nothing; without them the OS flushes
// the whole TLB at every process switch (Mmu decides which).
// Replacement within a set: LRU (least recently hit or inserted), FIFO (inserted
// earliest) or Random (seeded PRNG). An invalid way is always used first (lowest way).
//
// Effective access time (no page faults):
//   EAT = h * (tlb + mem) + (1 - h) * (tlb + levels * mem + mem)
#include <cstdint>
#include <string_view>
#include <vector>

#include "memsim/core/prng.hpp"
#include "memsim/core/result.hpp"

namespace memsim::vm {

// How a full set picks the entry to replace.
enum class TlbReplacement : std::uint8_t { Lru, Fifo, Random };

// Size and shape of a TLB.
struct TlbConfig {
    std::uint32_t entries = 0;  // 0 = no TLB
    std::uint32_t ways = 0;     // entries per set; 0 = fully associative
    TlbReplacement replacement = TlbReplacement::Lru;
    std::uint64_t seed = 1;     // for Random
};

// One cached translation.
struct TlbEntry {
    std::uint64_t vpn = 0;
    std::uint64_t stamp = 0;   // LRU: last use; FIFO: insertion time; 0 when invalid
    std::uint32_t pfn = 0;
    std::uint32_t asid = 0;
    bool valid = false;
    bool writable = false;     // cached protection: a write needs it
    bool operator==(const TlbEntry&) const = default;
};

// Hit and miss counts.
struct TlbStats {
    std::uint64_t hits = 0, misses = 0, evictions = 0, flushes = 0;
    bool operator==(const TlbStats&) const = default;
};

inline constexpr std::uint32_t no_slot = 0xFFFFFFFFu;

class Tlb {
public:
    // Checks the shape: entries a multiple of ways and a power-of-two number of sets.
    static Result<Tlb> create(const TlbConfig& config);

    // The slot holding (asid, vpn), or no_slot. Counts a hit or a miss; a hit refreshes LRU.
    std::uint32_t lookup(std::uint32_t asid, std::uint64_t vpn) {
        const std::uint32_t found = find(set_of(vpn) * ways_, asid, vpn);
        if (found == no_slot) {
            ++stats_.misses;
            return no_slot;
        }
        ++stats_.hits;
        if (replacement_ == TlbReplacement::Lru) entries_[found].stamp = ++clock_;
        return found;
    }

    // Counts a hit on a slot the caller knows holds the translation (the previous
    // reference's page, unchanged since): the same effect as a lookup that hits it.
    std::uint32_t hit(std::uint32_t slot) {
        ++stats_.hits;
        if (replacement_ == TlbReplacement::Lru) entries_[slot].stamp = ++clock_;
        return slot;
    }

    // Caches a translation (after a miss: it must not be cached already); returns the slot used.
    std::uint32_t insert(std::uint32_t asid, std::uint64_t vpn, std::uint32_t pfn, bool writable) {
        const std::uint32_t first = set_of(vpn) * ways_;
        // The smallest stamp: an invalid way (stamp 0) first, else LRU or FIFO order; ties
        // go to the lowest way. Random replaces a random way once no way is invalid.
        std::uint64_t oldest = 0;
        std::uint32_t slot = oldest_way(first, oldest);
        if (oldest != 0) {  // the set is full (stamp 0 only on invalid ways)
            ++stats_.evictions;
            if (replacement_ == TlbReplacement::Random) slot = first + static_cast<std::uint32_t>(prng_.below(ways_));
        }
        entries_[slot] = TlbEntry{.vpn = vpn, .stamp = ++clock_, .pfn = pfn, .asid = asid, .valid = true,
                                  .writable = writable};
        return slot;
    }

    // Drops the entry for (asid, vpn) if cached (the page was evicted or remapped).
    void invalidate(std::uint32_t asid, std::uint64_t vpn) {
        const std::uint32_t first = set_of(vpn) * ways_;
        for (std::uint32_t s = first; s < first + ways_; ++s) {
            TlbEntry& e = entries_[s];
            if (e.valid & (e.vpn == vpn) & (e.asid == asid)) {
                e.valid = false;
                e.stamp = 0;  // an invalid way is always replaced first
            }
        }
    }

    // Drops every entry (a process switch without ASIDs).
    void flush();

    const TlbEntry& entry(std::uint32_t slot) const { return entries_[slot]; }
    const std::vector<TlbEntry>& entries() const { return entries_; }
    const TlbStats& stats() const { return stats_; }
    std::uint32_t ways() const { return ways_; }
    std::uint32_t sets() const { return set_mask_ + 1; }

    bool operator==(const Tlb&) const = default;

private:
    std::uint32_t set_of(std::uint64_t vpn) const { return static_cast<std::uint32_t>(vpn) & set_mask_; }

    // The search of one set. The bulk loop of a simulation with a TLB spends most of its
    // time here, so the common set sizes get a loop of known length (W ways; 0 = ways_,
    // any shape) that the compiler can unroll, and selections without branches (which
    // way matches or is oldest is unpredictable: a branch there mispredicted about once
    // per miss). A translation is cached in at most one way (insert follows a miss; the
    // MMU's invariant check says so), so a wide set (the machine's fully associative
    // TLB) may stop at the first match: recent pages sit in its low ways, and a hit then
    // compares a few entries, not all of them.
    template <std::uint32_t W>
    std::uint32_t find_in_set(std::uint32_t first, std::uint32_t asid, std::uint64_t vpn) const {
        if constexpr (W == 0) {
            for (std::uint32_t w = 0; w < ways_; ++w) {
                const TlbEntry& e = entries_[first + w];
                if (e.valid & (e.vpn == vpn) & (e.asid == asid)) return first + w;
            }
            return no_slot;
        } else {
            std::uint32_t found = no_slot;
            for (std::uint32_t w = 0; w < W; ++w) {
                const TlbEntry& e = entries_[first + w];
                found = (e.valid & (e.vpn == vpn) & (e.asid == asid)) ? first + w : found;
            }
            return found;
        }
    }
    template <std::uint32_t W>
    std::uint32_t oldest_in_set(std::uint32_t first, std::uint64_t& oldest) const {
        const std::uint32_t ways = W == 0 ? ways_ : W;
        std::uint32_t slot = first;
        oldest = entries_[first].stamp;
        for (std::uint32_t w = 1; w < ways; ++w) {
            const std::uint64_t stamp = entries_[first + w].stamp;
            const bool older = stamp < oldest;
            slot = older ? first + w : slot;
            oldest = older ? stamp : oldest;
        }
        return slot;
    }
    std::uint32_t find(std::uint32_t first, std::uint32_t asid, std::uint64_t vpn) const {
        switch (ways_) {
            case 2: return find_in_set<2>(first, asid, vpn);
            case 4: return find_in_set<4>(first, asid, vpn);
            case 8: return find_in_set<8>(first, asid, vpn);
            default: return find_in_set<0>(first, asid, vpn);
        }
    }
    std::uint32_t oldest_way(std::uint32_t first, std::uint64_t& oldest) const {
        switch (ways_) {
            case 2: return oldest_in_set<2>(first, oldest);
            case 4: return oldest_in_set<4>(first, oldest);
            case 8: return oldest_in_set<8>(first, oldest);
            default: return oldest_in_set<0>(first, oldest);
        }
    }

    std::vector<TlbEntry> entries_;
    std::uint32_t ways_ = 1;
    std::uint32_t set_mask_ = 0;
    TlbReplacement replacement_ = TlbReplacement::Lru;
    std::uint64_t clock_ = 0;
    Prng prng_;
    TlbStats stats_;
};

// Latencies for the effective access time, in nanoseconds.
struct Latencies {
    double tlb = 1;          // one TLB lookup
    double memory = 100;     // one memory access (also one page-table level)
    double disk = 8000000;   // one page-fault service from disk (8 ms)
};

// EAT in ns for a TLB hit ratio, page-table depth and page-fault rate (per access).
double effective_access_time(double hit_ratio, std::uint32_t levels, double fault_rate,
                             const Latencies& latencies);

// "lru", "fifo", "random".
std::string_view tlb_replacement_name(TlbReplacement r);
Result<TlbReplacement> parse_tlb_replacement(std::string_view name);

}  // namespace memsim::vm
