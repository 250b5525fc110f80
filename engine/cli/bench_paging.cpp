// The paging benchmark: every replacement policy in bulk mode, with and without a TLB,
// beside bare kernels (FIFO, CLOCK, LRU over a direct-indexed page table, with and
// without a plain TLB, written here as plainly as possible) on the same synthetic trace,
// measured in the same run.
#include <algorithm>
#include <iomanip>
#include <ostream>
#include <vector>

#include "bench.hpp"
#include "memsim/core/prng.hpp"
#include "memsim/vm/pager.hpp"

namespace memsim::cli {
namespace {

struct Shape {
    std::size_t references;
    std::uint32_t pages;
    std::uint32_t frames;
};

// Locality from the PRNG: half the references repeat the previous page (several words
// of one page), 7/16 fall in a hot window of 8K pages that jumps every 100K references,
// 1/16 go anywhere in the page space.
std::vector<std::uint32_t> make_trace(const Shape& shape) {
    Prng rng{20240601};
    std::vector<std::uint32_t> pages(shape.references);
    std::uint64_t base = 0;
    const std::uint64_t window = 8192;
    for (std::size_t i = 0; i < shape.references; ++i) {
        if (i % 100000 == 0) base = rng.below(shape.pages);
        const std::uint64_t r = rng.next();
        const std::uint64_t pick = r & 0x1F;
        std::uint64_t page = (r >> 8) % shape.pages;
        if (pick < 16 && i > 0) page = pages[i - 1];
        else if (pick < 30) page = (base + ((r >> 8) % window)) % shape.pages;
        pages[i] = static_cast<std::uint32_t>(page);
    }
    return pages;
}

// Bare kernels: the floor a simulator is measured against. Each returns its fault count
// so the optimiser cannot drop the loop. A kernel runs without a TLB (NoTlb) or behind a
// plain 64-entry, 4-way LRU TLB (PlainTlb) like the one the +tlb rows simulate: a hit
// takes the frame from the TLB, a miss reads the page table and fills the TLB, and an
// evicted page's entry is invalidated. So each +tlb row is compared with the same work.
struct NoTlb {
    static constexpr std::uint32_t kMiss = ~0u;
    std::uint32_t lookup(std::uint32_t) { return kMiss; }
    void insert(std::uint32_t, std::uint32_t) {}
    void invalidate(std::uint32_t) {}
    std::uint64_t hits = 0;
};

struct PlainTlb {
    static constexpr std::uint32_t kMiss = ~0u;
    static constexpr std::uint32_t kSets = 16, kWays = 4;
    std::uint32_t page[kSets * kWays];
    std::uint32_t frame[kSets * kWays];
    std::uint64_t used[kSets * kWays] = {};  // last use; 0 = invalid
    std::uint64_t clock = 0;
    std::uint64_t hits = 0;

    std::uint32_t last = kMiss;  // the way that hit last: half the trace repeats its page

    std::uint32_t lookup(std::uint32_t p) {
        if (last != kMiss && page[last] == p && used[last] != 0) return hit(last);
        const std::uint32_t first = (p % kSets) * kWays;
        for (std::uint32_t w = first; w < first + kWays; ++w)
            if (used[w] != 0 && page[w] == p) return hit(w);
        return kMiss;
    }
    std::uint32_t hit(std::uint32_t w) {
        used[w] = ++clock;
        ++hits;
        last = w;
        return frame[w];
    }
    void insert(std::uint32_t p, std::uint32_t f) {
        const std::uint32_t first = (p % kSets) * kWays;
        std::uint32_t victim = first;
        for (std::uint32_t w = first + 1; w < first + kWays; ++w)
            if (used[w] < used[victim]) victim = w;
        page[victim] = p;
        frame[victim] = f;
        used[victim] = ++clock;
    }
    void invalidate(std::uint32_t p) {
        const std::uint32_t first = (p % kSets) * kWays;
        for (std::uint32_t w = first; w < first + kWays; ++w)
            if (page[w] == p) used[w] = 0;
    }
};

struct KernelResult {
    std::uint64_t faults = 0;
    std::uint64_t tlb_hits = 0;
};

// The page table and its inverse, as a kernel keeps them.
struct FrameMap {
    std::vector<std::uint32_t> page_frame, frame_page;  // ~0u = none
    explicit FrameMap(const Shape& s) : page_frame(s.pages, ~0u), frame_page(s.frames, ~0u) {}

    // Loads page into frame f, evicting the page there (and its TLB entry).
    template <class Tlb>
    void place(std::uint32_t page, std::uint32_t f, Tlb& tlb) {
        if (frame_page[f] != ~0u) {
            tlb.invalidate(frame_page[f]);
            page_frame[frame_page[f]] = ~0u;
        }
        frame_page[f] = page;
        page_frame[page] = f;
    }
};

template <class Tlb>
KernelResult kernel_fifo(const std::vector<std::uint32_t>& trace, const Shape& s) {
    FrameMap map(s);
    Tlb tlb;
    std::uint32_t hand = 0;
    std::uint64_t faults = 0;
    for (const std::uint32_t page : trace) {
        if (tlb.lookup(page) != Tlb::kMiss) continue;
        std::uint32_t f = map.page_frame[page];
        if (f == ~0u) {
            ++faults;
            map.place(page, f = hand, tlb);
            hand = hand + 1 == s.frames ? 0 : hand + 1;
        }
        tlb.insert(page, f);
    }
    return {faults, tlb.hits};
}

template <class Tlb>
KernelResult kernel_clock(const std::vector<std::uint32_t>& trace, const Shape& s) {
    FrameMap map(s);
    std::vector<std::uint8_t> referenced(s.frames, 0);
    Tlb tlb;
    std::uint32_t hand = 0;
    std::uint64_t faults = 0;
    for (const std::uint32_t page : trace) {
        std::uint32_t f = tlb.lookup(page);
        if (f == Tlb::kMiss) {
            f = map.page_frame[page];
            if (f == ~0u) {
                ++faults;
                while (referenced[hand]) {
                    referenced[hand] = 0;
                    hand = hand + 1 == s.frames ? 0 : hand + 1;
                }
                map.place(page, f = hand, tlb);
                hand = hand + 1 == s.frames ? 0 : hand + 1;
            }
            tlb.insert(page, f);
        }
        referenced[f] = 1;
    }
    return {faults, tlb.hits};
}

template <class Tlb>
KernelResult kernel_lru(const std::vector<std::uint32_t>& trace, const Shape& s) {
    FrameMap map(s);
    std::vector<std::uint32_t> prev(s.frames), next(s.frames);
    // A circular list, initially frames 0..n-1 with frame 0 least recent (head->prev).
    for (std::uint32_t f = 0; f < s.frames; ++f) {
        next[f] = (f + 1) % s.frames;
        prev[f] = (f + s.frames - 1) % s.frames;
    }
    Tlb tlb;
    std::uint32_t head = s.frames - 1;  // most recent
    std::uint64_t faults = 0;
    const auto move_to_head = [&](std::uint32_t f) {
        if (f == head) return;
        next[prev[f]] = next[f];
        prev[next[f]] = prev[f];
        const std::uint32_t oldest = next[head];
        next[head] = f;
        prev[f] = head;
        next[f] = oldest;
        prev[oldest] = f;
        head = f;
    };
    for (const std::uint32_t page : trace) {
        std::uint32_t f = tlb.lookup(page);
        if (f == Tlb::kMiss) {
            f = map.page_frame[page];
            if (f == ~0u) {
                ++faults;
                map.place(page, f = next[head], tlb);  // the least recent frame
            }
            tlb.insert(page, f);
        }
        move_to_head(f);
    }
    return {faults, tlb.hits};
}

double mrefs(std::size_t refs, double seconds) { return static_cast<double>(refs) / seconds; }

// The median and the range of a few timed runs, in seconds.
struct Timing {
    double median = 0, fastest = 0, slowest = 0;

    static Timing from(std::vector<double> runs) {
        std::sort(runs.begin(), runs.end());
        const std::size_t n = runs.size();
        const double median = n % 2 == 1 ? runs[n / 2] : (runs[n / 2 - 1] + runs[n / 2]) / 2;
        return {median, runs.front(), runs.back()};
    }
    template <class Work>
    static Timing of(int repeats, Work&& work) {
        std::vector<double> runs;
        for (int r = 0; r < repeats; ++r) runs.push_back(seconds_for(work));
        return from(std::move(runs));
    }
};

nlohmann::json run_paging_bench(const BenchOptions& options, std::ostream& out) {
    const Shape shape{options.quick ? std::size_t{1} << 20 : 20'000'000, 1u << 20, 16384};
    const auto trace = make_trace(shape);
    out << shape.references << " references, " << shape.pages << "-page space, " << shape.frames
        << " frames; TLB 64 entries, 4-way, LRU; nfu/aging tick 16384, wsclock tau 1024; median of "
        << (options.quick ? 1 : 5) << " runs (range in the JSON)\n";
    struct KernelSpeed {
        vm::PolicyKind kind;
        bool tlb;
        double refs_per_second;
    };
    std::vector<KernelSpeed> kernels;
    // The machine is shared: each figure is the median of a few runs (a best-of would
    // report a lucky minute), and the JSON keeps the range.
    const int repeats = options.quick ? 1 : 5;
    const auto median_of = [&](auto&& work) { return Timing::of(repeats, work); };
    using Kernel = KernelResult (*)(const std::vector<std::uint32_t>&, const Shape&);
    const auto time_kernel = [&](vm::PolicyKind kind, bool tlb, Kernel kernel) {
        KernelResult result;
        const double s = median_of([&] { result = kernel(trace, shape); }).median;
        kernels.push_back({kind, tlb, mrefs(trace.size(), s)});
        out << "  kernel " << vm::policy_name(kind) << (tlb ? " +tlb" : "") << ": " << result.faults << " faults";
        if (tlb) out << ", " << result.tlb_hits << " TLB hits";
        out << "\n";
    };
    time_kernel(vm::PolicyKind::Fifo, false, kernel_fifo<NoTlb>);
    time_kernel(vm::PolicyKind::Fifo, true, kernel_fifo<PlainTlb>);
    time_kernel(vm::PolicyKind::Clock, false, kernel_clock<NoTlb>);
    time_kernel(vm::PolicyKind::Clock, true, kernel_clock<PlainTlb>);
    time_kernel(vm::PolicyKind::Lru, false, kernel_lru<NoTlb>);
    time_kernel(vm::PolicyKind::Lru, true, kernel_lru<PlainTlb>);

    nlohmann::json rows = nlohmann::json::array();
    out << "  policy          tlb    Mrefs/s   kernel   ratio     faults   TLB hits\n";
    for (const auto kind : vm::all_policies()) {
        for (const bool with_tlb : {false, true}) {
            const vm::PagerConfig config{
                .frames = shape.frames,
                .policy = {.kind = kind, .tick = 16384, .tau = 1024, .seed = 1},
                .tlb = {.entries = with_tlb ? 64u : 0u, .ways = 4}};
            auto pager = vm::Pager::create(config, shape.pages);
            if (!pager) continue;
            // OPT's time includes the backward pass that precomputes next uses. Each run
            // starts from a fresh pager (created outside the timed part).
            std::vector<double> runs;
            for (int r = 0; r < repeats; ++r) {
                pager = vm::Pager::create(config, shape.pages);
                runs.push_back(seconds_for([&] {
                    std::vector<std::uint64_t> next_use;
                    if (kind == vm::PolicyKind::Opt) next_use = vm::next_use_times(trace, shape.pages);
                    pager->run(trace, {}, next_use);
                }));
            }
            const Timing timing = Timing::from(runs);
            const double speed = mrefs(trace.size(), timing.median);
            const std::uint64_t tlb_hits = pager->tlb() ? pager->tlb()->stats().hits : 0;
            nlohmann::json kernel_speed = nullptr;
            for (const auto& k : kernels)
                if (k.kind == kind && k.tlb == with_tlb) kernel_speed = k.refs_per_second;
            rows.push_back({{"policy", std::string(vm::policy_name(kind))}, {"tlb", with_tlb},
                            {"refs_per_second", speed}, {"kernel_refs_per_second", kernel_speed},
                            {"refs_per_second_range", {mrefs(trace.size(), timing.slowest), mrefs(trace.size(), timing.fastest)}},
                            {"runs", repeats},
                            {"faults", pager->counters().faults}, {"tlb_hits", tlb_hits}});
            out << "  " << std::left << std::setw(16) << vm::policy_name(kind) << std::setw(5)
                << (with_tlb ? "yes" : "no") << std::right << std::fixed << std::setprecision(1) << std::setw(9)
                << speed / 1e6;
            if (kernel_speed.is_null()) {
                out << std::setw(9) << "-" << std::setw(8) << "-";
            } else {
                const double k = kernel_speed.get<double>();
                out << std::setw(9) << k / 1e6 << std::setw(8) << std::setprecision(2) << speed / k;
            }
            out << std::setw(11) << pager->counters().faults;
            if (with_tlb) out << std::setw(11) << tlb_hits;
            out << "\n";
        }
    }
    return rows;
}

MEMSIM_BENCH("paging", run_paging_bench);

}  // namespace
}  // namespace memsim::cli
