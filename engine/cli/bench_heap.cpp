// memsim bench --only heap: malloc/free operations per second for every allocator, on a
// synthetic trace that keeps 1K, 10K or 100K blocks live (bulk mode: no event sink).
// The list walks grow with the number of blocks (that is the lesson), so they run fewer
// operations at larger sizes; the constant-time allocators run one million each.
#include <cstdio>
#include <cstdlib>
#include <ostream>

#include "bench.hpp"
#include "memsim/core/prng.hpp"
#include "memsim/heap/heap.hpp"

namespace memsim::cli {
namespace {

using namespace memsim::heap;

struct BenchOp {
    std::uint32_t slot;
    std::uint32_t size;
};

// Each step frees a random live block and allocates a new one in its slot (two ops).
std::vector<BenchOp> make_steps(std::uint64_t live, std::uint64_t steps, std::uint64_t seed) {
    Prng rng{seed};
    std::vector<BenchOp> ops;
    ops.reserve(static_cast<std::size_t>(live + steps));
    for (std::uint64_t i = 0; i < live + steps; ++i) {
        const auto slot = static_cast<std::uint32_t>(i < live ? i : rng.below(live));
        // Mostly small requests with a long tail, as in real programs.
        const std::uint64_t size = rng.below(8) == 0 ? rng.between(256, 2048) : rng.between(8, 128);
        ops.push_back(BenchOp{slot, static_cast<std::uint32_t>(size)});
    }
    return ops;
}

bool constant_time(const HeapConfig& c) {
    return c.allocator == AllocatorKind::Segregated || c.allocator == AllocatorKind::Buddy ||
           c.allocator == AllocatorKind::Slab || c.allocator == AllocatorKind::Glibc;
}

// Operations per second after the heap is filled with `live` blocks.
double measure(HeapConfig config, std::uint64_t live, std::uint64_t steps, std::uint64_t& ops_done) {
    config.max_heap = 1ull << 30;
    const auto ops = make_steps(live, steps, 42 + live);
    // Filling a fresh heap carves every block from the top whatever the fit, so the fill
    // runs with next fit (one step each instead of a walk over all blocks), then the
    // measured policy takes over on the identical heap.
    HeapConfig fill = config;
    if (fill.allocator == AllocatorKind::ImplicitList) fill.fit = FitPolicy::Next;
    Heap heap{fill};
    std::vector<std::uint64_t> slots(static_cast<std::size_t>(live), 0);
    for (std::uint64_t i = 0; i < live; ++i) slots[static_cast<std::size_t>(i)] = heap.malloc(ops[static_cast<std::size_t>(i)].size);
    heap.set_fit(config.fit);
    const double seconds = seconds_for([&] {
        for (std::size_t i = static_cast<std::size_t>(live); i < ops.size(); ++i) {
            std::uint64_t& p = slots[ops[i].slot];
            heap.free(p);
            p = heap.malloc(ops[i].size);
        }
    });
    ops_done = 2 * steps;
    return seconds > 0 ? static_cast<double>(ops_done) / seconds : 0.0;
}

#if defined(__GLIBC__)
// The same steps through this process's own malloc: the real glibc beside its model.
double measure_real_glibc(std::uint64_t live, std::uint64_t steps) {
    const auto ops = make_steps(live, steps, 42 + live);
    std::vector<void*> slots(static_cast<std::size_t>(live), nullptr);
    for (std::uint64_t i = 0; i < live; ++i) slots[static_cast<std::size_t>(i)] = std::malloc(ops[static_cast<std::size_t>(i)].size);
    const double seconds = seconds_for([&] {
        for (std::size_t i = static_cast<std::size_t>(live); i < ops.size(); ++i) {
            void*& p = slots[ops[i].slot];
            std::free(p);
            p = std::malloc(ops[i].size);
        }
    });
    for (void* p : slots) std::free(p);
    return seconds > 0 ? static_cast<double>(2 * steps) / seconds : 0.0;
}
#endif

nlohmann::json run_heap_bench(const BenchOptions& options, std::ostream& out) {
    const std::vector<std::uint64_t> lives = options.quick ? std::vector<std::uint64_t>{100, 1000}
                                                           : std::vector<std::uint64_t>{1000, 10000, 100000};
    const std::uint64_t full = options.quick ? 20000 : 1000000;     // operations for constant-time allocators
    const std::uint64_t budget = options.quick ? 2000000 : 100000000;  // block visits for the list walks
    nlohmann::json rows = nlohmann::json::array();
    char line[128];
    std::snprintf(line, sizeof line, "%-20s %12s %12s %16s %8s\n", "allocator", "live blocks", "operations", "ops/second", "change");
    out << line;
    for (const auto& named : allocator_names()) {
        double smallest = 0;  // the rate at the fewest live blocks, to show the change
        for (std::uint64_t live : lives) {
            std::uint64_t steps = full / 2;
            if (!constant_time(named.config)) steps = std::max<std::uint64_t>(1000, std::min(steps, budget / live / 2));
            std::uint64_t ops = 0;
            const double rate = measure(named.config, live, steps, ops);
            if (live == lives.front()) smallest = rate;
            const double change = smallest > 0 ? rate / smallest : 0.0;
            rows.push_back({{"allocator", named.name}, {"live_blocks", live}, {"ops", ops}, {"ops_per_second", rate},
                            {"ratio_to_fewest_live", change}});
            std::snprintf(line, sizeof line, "%-20s %12llu %12llu %16.0f %8.2f\n", named.name.c_str(),
                          static_cast<unsigned long long>(live), static_cast<unsigned long long>(ops), rate, change);
            out << line;
        }
    }
#if defined(__GLIBC__)
    // Not a simulator: the machine's glibc itself (no simulated memory, no checks).
    double fewest = 0;
    for (std::uint64_t live : lives) {
        const double rate = measure_real_glibc(live, full / 2);
        if (live == lives.front()) fewest = rate;
        rows.push_back({{"allocator", "real glibc"}, {"live_blocks", live}, {"ops", full}, {"ops_per_second", rate},
                        {"ratio_to_fewest_live", fewest > 0 ? rate / fewest : 0.0}});
        std::snprintf(line, sizeof line, "%-20s %12llu %12llu %16.0f %8.2f\n", "real glibc",
                      static_cast<unsigned long long>(live), static_cast<unsigned long long>(full), rate,
                      fewest > 0 ? rate / fewest : 0.0);
        out << line;
    }
    out << "(real glibc: this process's own malloc and free on the same steps, beside the glibc model)\n";
#endif
    return rows;
}

MEMSIM_BENCH("heap", run_heap_bench);

}  // namespace
}  // namespace memsim::cli
