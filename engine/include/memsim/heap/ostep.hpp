#pragma once
// A model of the free-list simulator of the OSTEP homework (vm-freespace/malloc.py,
// "Operating Systems: Three Easy Pieces", chapter 17), reproducing its answers exactly so
// that a teacher can check every homework answer here. Written from its documented rules:
//
//   - The heap is `size` bytes at `base`, one free chunk at the start.
//   - malloc(n): n is rounded up to a multiple of `align` (none when align is -1), then
//     `header` bytes are added. The list is walked front to back, each entry counted as
//     "searched". FIRST stops at the first entry that is big enough; BEST keeps the
//     smallest big-enough entry (strictly smaller replaces), WORST the largest (strictly
//     larger replaces), so both always search the whole list.
//   - The chosen chunk is cut at its front: the entry stays where it is in the list with
//     the rest (address + n, size - n), even when the list is kept sorted by size; an exact
//     fit removes the entry.
//   - malloc returns the chunk address (the program's pointer is address + header) or -1.
//   - free(addr) of an address not currently allocated returns -1 and changes nothing.
//     Otherwise the chunk goes back by the list order: ADDRSORT (append, sort by address),
//     SIZESORT+ / SIZESORT- (append, stable sort by size up / down), INSERT-FRONT,
//     INSERT-BACK. With coalescing on, one pass then merges each entry into the one before
//     it in *list order* when they touch in memory; so a list sorted by size rarely merges.
//   - With an op list "+10,-0", "-i" frees the pointer of the i-th allocation. The
//     simulator skips the free ("Invalid Free: Skipping") when i is not less than the
//     number of successful allocations so far; when i is smaller but the i-th allocation
//     failed, the Python script stops with a KeyError: this model reports it as skipped
//     with a reason. Freeing the same index twice returns -1, unless that address has been
//     handed out again, in which case the newer block is freed (as in the script).
//
//   OstepConfig c{.size = 100, .base = 1000, .header = 4, .align = 4};
//   auto steps = run_ostep(c, parse_op_list("+3,-0,+5").value());
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/heap/trace.hpp"

namespace memsim::heap {

enum class OstepPolicy { Best, Worst, First };
enum class OstepOrder { AddrSort, SizeSortAscending, SizeSortDescending, InsertFront, InsertBack };

// The simulator's knobs (-S, -b, -H, -a, -p, -l, -C).
struct OstepConfig {
    std::int64_t size = 100;      // heap bytes
    std::int64_t base = 1000;     // first address
    std::int64_t header = 0;      // header bytes added to each allocation
    std::int64_t align = -1;      // round requests up to this; -1 = no alignment
    OstepPolicy policy = OstepPolicy::Best;
    OstepOrder order = OstepOrder::AddrSort;
    bool coalesce = false;
};

// A free chunk: (address, size).
using OstepChunk = std::pair<std::int64_t, std::int64_t>;

// The outcome of one op, with the free list after it.
struct OstepStep {
    bool alloc = true;
    std::int64_t size = 0;       // alloc: bytes requested
    std::int64_t index = 0;      // free: which allocation
    std::int64_t block = -1;     // alloc: the chunk address, -1 on failure
    std::int64_t ptr = -1;       // alloc: block + header, -1 on failure
    std::int64_t searched = 0;   // alloc: list entries looked at
    std::int64_t rc = 0;         // free: 0 or -1
    bool skipped = false;        // free: the simulator skipped this op
    std::string skip_reason;
    std::vector<OstepChunk> free_list;
};

// The allocator of malloc.py.
class OstepModel {
public:
    explicit OstepModel(const OstepConfig& config);
    // The chunk address (or -1) and the number of entries searched.
    std::pair<std::int64_t, std::int64_t> malloc(std::int64_t size);
    // 0, or -1 when addr is not allocated.
    std::int64_t free(std::int64_t addr);
    const std::vector<OstepChunk>& free_list() const { return free_list_; }

private:
    void coalesce();
    OstepConfig config_;
    std::vector<OstepChunk> free_list_;
    std::vector<OstepChunk> allocated_;  // (address, size), in allocation order
};

// Parses the policy and order names the simulator uses (BEST, SIZESORT+, ...).
std::optional<OstepPolicy> ostep_policy_by_name(std::string_view name);
std::optional<OstepOrder> ostep_order_by_name(std::string_view name);
std::string_view to_string(OstepPolicy policy);
std::string_view to_string(OstepOrder order);

// Runs an op list the way malloc.py -A ... -c does; an error for a configuration the
// script rejects or a zero-byte chunk (which would crash it).
Result<std::vector<OstepStep>> run_ostep(const OstepConfig& config, const std::vector<ListOp>& ops);

// The simulator's own printout of the steps (as with -c), for comparing by eye.
std::string ostep_transcript(const OstepConfig& config, const std::vector<OstepStep>& steps);

}  // namespace memsim::heap
