#pragma once
// The page cache of OSTEP's paging-policy.py, with its replacement policies exactly as
// the script runs them. The cache is a list of pages: a miss appends the new page on the
// right; the victim leaves from where the policy says.
//
//   FIFO   the leftmost page (first in)          LRU  the leftmost (a hit moves a page right)
//   MRU    the rightmost (a hit moves it right)  OPT  the page used furthest in the future
//   UNOPT  the page used soonest                 RAND a random position: int(random() * size)
//   CLOCK  the script's own, not a rotating hand: it probes random positions; a probed page
//          with a counter >= 1 loses one and survives, one at 0 is the victim. Each access
//          adds 1 to the page's counter, capped at -b (clockbits); a new page starts at 1.
//
// RAND and CLOCK draw from the same random stream that generated the addresses.
// OPT ties go to the rightmost page (the script compares with >=); UNOPT ties to the
// leftmost (<). A page never used again counts as used at the end of the list.
#include <cstdint>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/ostep/python_random.hpp"

namespace memsim::ostep {

enum class OstepPolicy { Fifo, Lru, Mru, Opt, Unopt, Rand, Clock };

// The policy a -p name means (exact, upper case as the script compares), if any.
std::optional<OstepPolicy> ostep_policy_from_name(std::string_view name);

// What one access did.
struct CacheStep {
    bool hit = false;
    std::optional<std::int64_t> victim{};  // the page replaced, if any
};

class OstepCache {
public:
    // refs: the whole reference list (OPT and UNOPT read ahead); an entry without a value
    // is text int() cannot read, which stops a look-ahead that reaches it.
    OstepCache(OstepPolicy policy, std::int64_t cache_size, std::int64_t clock_bits,
               const std::vector<std::optional<std::int64_t>>& refs, PythonRandom& rng);

    // Applies reference number `index` (its value must be present). The error names the
    // Python exception the script raises: "IndexError: ..." on a cache of size 0 or less,
    // "lookahead" when OPT/UNOPT reach an unreadable reference.
    Result<CacheStep> access(std::size_t index);

    // The pages in the cache, left to right.
    const std::vector<std::int64_t>& pages() const { return pages_; }

private:
    Result<std::size_t> victim_position(std::size_t index);
    std::size_t future_use(std::int64_t page, std::size_t index, bool& unreadable) const;

    OstepPolicy policy_;
    std::int64_t cache_size_;
    std::int64_t clock_bits_;
    const std::vector<std::optional<std::int64_t>>& refs_;
    PythonRandom& rng_;
    std::vector<std::int64_t> pages_;
    std::int64_t count_ = 0;                     // pages in the cache, as the script counts them
    std::map<std::int64_t, std::int64_t> ref_;   // CLOCK counters
    std::vector<std::size_t> next_use_;          // next index with the same page, or refs.size()
    std::map<std::int64_t, std::size_t> last_use_;
    std::size_t first_unreadable_ = 0;           // index of the first unreadable reference, or refs.size()
};

}  // namespace memsim::ostep
