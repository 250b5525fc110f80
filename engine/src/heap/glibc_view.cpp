// The glibc arena read into plain values.
#include "memsim/heap/glibc_view.hpp"

#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

using namespace glibc;

namespace {
// The smallest chunk size (a multiple of 16) whose large bin is i or above: largebin_index
// only grows with the size, so a binary search finds it.
std::uint64_t first_of_large_bin(std::uint32_t i) {
    std::uint64_t lo = kMinLargeSize, hi = 1ull << 40;
    while (lo < hi) {
        const std::uint64_t mid = lo + (hi - lo) / 32 * 16;
        if (largebin_index(mid) >= i) hi = mid;
        else lo = mid + 16;
    }
    return lo;
}

std::pair<std::uint64_t, std::uint64_t> large_range(std::uint32_t i) {
    return {first_of_large_bin(i), i >= 126 ? ~0ull : first_of_large_bin(i + 1) - 16};
}
}  // namespace

GlibcArenaView arena_view(const GlibcMalloc& m) {
    GlibcArenaView v{.top = m.top(), .top_size = m.top_size(), .brk = m.brk(), .last_remainder = m.last_remainder(),
                     .mmap_threshold = m.mmap_threshold(), .trim_threshold = m.trim_threshold(),
                     .system_mem = m.system_mem(), .mappings = static_cast<std::uint32_t>(m.mappings().size())};
    const auto chunks = m.chunks();
    if (!chunks.empty() && chunks.front().bin == GlibcBin::TcacheStruct) v.tcache_struct = chunks.front().chunk;
    for (std::uint32_t i = 0; i < kTcacheBins; ++i) {
        auto list = m.tcache_list(static_cast<int>(i));
        const std::uint64_t size = kMinSize + i * kAlign;
        if (!list.empty()) v.bins.push_back({GlibcBinKind::Tcache, i, size, size, std::move(list)});
    }
    for (std::uint32_t i = 0; i < kFastbins; ++i) {
        auto list = m.fastbin_list(static_cast<int>(i));
        const std::uint64_t size = kMinSize + i * kAlign;
        if (!list.empty()) v.bins.push_back({GlibcBinKind::Fastbin, i, size, size, std::move(list)});
    }
    for (std::uint32_t i = 1; i < kBins; ++i) {
        auto list = m.bin_list(static_cast<int>(i));
        if (list.empty()) continue;
        if (i == 1) v.bins.push_back({GlibcBinKind::Unsorted, i, kMinSize, ~0ull, std::move(list)});
        else if (i < 64) v.bins.push_back({GlibcBinKind::Small, i, i * kAlign, i * kAlign, std::move(list)});
        else {
            const auto [lo, hi] = large_range(i);
            v.bins.push_back({GlibcBinKind::Large, i, lo, hi, std::move(list)});
        }
    }
    return v;
}

}  // namespace memsim::heap
