#include "memsim/vm/sweep.hpp"

#include <string>
#include <utility>

#include "memsim/vm/pager.hpp"
#include "memsim/vm/replacement/opt.hpp"

namespace memsim::vm {
namespace {

// Counts per stack distance 1..max_frames, then faults(k) = references with distance > k.
class DistanceHistogram {
public:
    DistanceHistogram(std::uint32_t max_frames, std::uint64_t references)
        : hits_at_(static_cast<std::size_t>(max_frames) + 1, 0), references_(references) {}

    // A reference that hits with `distance` frames or more (0 or > max: no frame count here).
    void add(std::uint64_t distance) {
        if (distance > 0 && distance < hits_at_.size()) ++hits_at_[static_cast<std::size_t>(distance)];
    }
    std::vector<std::uint64_t> faults() const {
        std::vector<std::uint64_t> out;
        out.reserve(hits_at_.size() - 1);
        std::uint64_t hits = 0;
        for (std::size_t k = 1; k < hits_at_.size(); ++k) {
            hits += hits_at_[k];
            out.push_back(references_ - hits);
        }
        return out;
    }

private:
    std::vector<std::uint64_t> hits_at_;
    std::uint64_t references_;
};

// A Fenwick tree of 0/1 marks over reference times: how many marks lie in a range.
class TimeMarks {
public:
    explicit TimeMarks(std::size_t times) : tree_(times + 1, 0) {}
    void change(std::size_t time, int delta) {
        for (std::size_t i = time + 1; i < tree_.size(); i += i & (~i + 1)) {
            tree_[i] = static_cast<std::uint32_t>(static_cast<std::int64_t>(tree_[i]) + delta);
        }
    }
    // Marks at times 0..time-1.
    std::uint64_t before(std::size_t time) const {
        std::uint64_t sum = 0;
        for (std::size_t i = time; i > 0; i -= i & (~i + 1)) sum += tree_[i];
        return sum;
    }

private:
    std::vector<std::uint32_t> tree_;
};

Result<SweepResult> points_from(std::vector<std::uint64_t> curve, std::uint32_t min_frames) {
    SweepResult result;
    for (std::uint32_t k = min_frames; k <= curve.size(); ++k) {
        const std::uint64_t faults = curve[k - 1];
        if (!result.points.empty() && faults > result.points.back().faults) result.anomalies.push_back(k);
        result.points.push_back({k, faults});
        if (k == curve.size()) break;  // guards k + 1 overflow
    }
    return result;
}

}  // namespace

std::vector<std::uint64_t> lru_fault_curve(const DenseTrace& trace, std::uint32_t max_frames) {
    const std::size_t n = trace.ids.size();
    DistanceHistogram histogram(max_frames, n);
    // Each page's last reference time is marked; the distance of a reference is the number
    // of marks after the page's previous reference, itself included.
    TimeMarks marks(n);
    constexpr std::uint64_t unseen = ~std::uint64_t{0};
    std::vector<std::uint64_t> last(trace.pages.size(), unseen);
    std::uint64_t marked = 0;
    for (std::size_t t = 0; t < n; ++t) {
        const std::uint32_t page = trace.ids[t];
        if (last[page] != unseen) {
            const auto previous = static_cast<std::size_t>(last[page]);
            histogram.add(marked - marks.before(previous));
            marks.change(previous, -1);
            --marked;
        }
        marks.change(t, +1);
        ++marked;
        last[page] = t;
    }
    return histogram.faults();
}

std::vector<std::uint64_t> opt_fault_curve(const DenseTrace& trace, std::uint32_t max_frames) {
    const auto next = next_use_times(trace.ids, static_cast<std::uint32_t>(trace.pages.size()));
    DistanceHistogram histogram(max_frames, trace.ids.size());
    // The stack's first k entries are the pages OPT keeps with k frames; entries past
    // max_frames matter to no frame count here, so the stack stops there.
    struct Entry {
        std::uint32_t page;
        std::uint64_t next_use;
    };
    std::vector<Entry> stack;
    for (std::size_t t = 0; t < trace.ids.size(); ++t) {
        Entry carry{trace.ids[t], next[t]};
        std::uint64_t distance = 0;  // 0: not in the stack (a fault for every frame count)
        for (std::size_t i = 0; i < stack.size(); ++i) {
            if (stack[i].page == trace.ids[t]) {
                stack[i] = carry;
                distance = i + 1;
                break;
            }
            // The page needed sooner stays at depth i; the other moves down.
            if (i == 0 || carry.next_use < stack[i].next_use) std::swap(carry, stack[i]);
        }
        if (distance == 0 && stack.size() < max_frames) stack.push_back(carry);
        histogram.add(distance);
    }
    return histogram.faults();
}

Result<SweepResult> belady_sweep(const PolicyConfig& policy, const DenseTrace& trace, std::uint32_t min_frames,
                                 std::uint32_t max_frames) {
    if (min_frames < 1 || min_frames > max_frames) {
        return fail("the sweep range needs 1 <= min <= max, not " + std::to_string(min_frames) + "-" +
                    std::to_string(max_frames));
    }
    if (policy.kind == PolicyKind::Lru) return points_from(lru_fault_curve(trace, max_frames), min_frames);
    if (policy.kind == PolicyKind::Opt) return points_from(opt_fault_curve(trace, max_frames), min_frames);
    const std::uint64_t sizes = std::uint64_t{max_frames} - min_frames + 1;
    if (sizes * trace.ids.size() > max_sweep_simulated_references) {
        return fail("a " + std::string(policy_name(policy.kind)) + " sweep runs the trace once per frame count: " +
                    std::to_string(sizes) + " counts x " + std::to_string(trace.ids.size()) +
                    " references is more than " + std::to_string(max_sweep_simulated_references) +
                    " (only lru and opt sweep any range in one pass); ask for a narrower range");
    }
    const auto page_space = static_cast<std::uint32_t>(trace.pages.size());
    SweepResult result;
    for (std::uint32_t k = min_frames; k <= max_frames; ++k) {
        auto pager = Pager::create({.frames = k, .policy = policy}, page_space);
        if (!pager) return tl::unexpected(pager.error());
        pager->run(trace.ids, trace.writes, {});
        const std::uint64_t faults = pager->counters().faults;
        if (!result.points.empty() && faults > result.points.back().faults) result.anomalies.push_back(k);
        result.points.push_back({k, faults});
        if (k == max_frames) break;  // guards k + 1 overflow at UINT32_MAX
    }
    return result;
}

}  // namespace memsim::vm
