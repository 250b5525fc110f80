// The glibc model read back: the chunk walk with each chunk's place, and the checker that
// proves every chunk is in exactly one place and every bin is well formed.
#include <algorithm>

#include "memsim/core/text.hpp"
#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

using namespace glibc;

namespace {

struct Place {
    std::uint64_t chunk = 0;
    GlibcBin bin = GlibcBin::None;
    std::uint32_t index = 0;
    bool operator<(const Place& o) const { return chunk < o.chunk; }
};

}  // namespace

// Every listed chunk with its bin, sorted by address (a chunk listed twice appears twice).
static std::vector<Place> places(const GlibcMalloc& m) {
    std::vector<Place> out;
    for (int i = 0; i < kTcacheBins; ++i)
        for (auto c : m.tcache_list(i)) out.push_back({c, GlibcBin::Tcache, static_cast<std::uint32_t>(i)});
    for (int i = 0; i < kFastbins; ++i)
        for (auto c : m.fastbin_list(i)) out.push_back({c, GlibcBin::Fastbin, static_cast<std::uint32_t>(i)});
    for (int i = 1; i < kBins; ++i)
        for (auto c : m.bin_list(i))
            out.push_back({c, i == 1 ? GlibcBin::Unsorted : i < 64 ? GlibcBin::Small : GlibcBin::Large,
                           static_cast<std::uint32_t>(i)});
    std::stable_sort(out.begin(), out.end());
    return out;
}

std::vector<GlibcChunk> GlibcMalloc::chunks() const {
    std::vector<GlibcChunk> out;
    if (!top_) return out;
    const auto listed = places(*this);
    const std::uint64_t limit = (brk_ - config_.base) / kMinSize + 1;
    for (std::uint64_t p = config_.base; p < top_ && out.size() < limit;) {
        GlibcChunk c{p, size_of(p), (head(p) & kPrevInuse) != 0, GlibcBin::None, 0};
        const auto at = std::lower_bound(listed.begin(), listed.end(), Place{p});
        if (at != listed.end() && at->chunk == p) c.bin = at->bin, c.index = at->index;
        if (p == tcache_) c.bin = GlibcBin::TcacheStruct;
        out.push_back(c);
        if (c.size < kMinSize) break;
        p += c.size;
    }
    out.push_back(GlibcChunk{top_, size_of(top_), (head(top_) & kPrevInuse) != 0, GlibcBin::Top, 0});
    return out;
}

std::vector<Violation> GlibcMalloc::check() const {
    std::vector<Violation> out;
    auto bad = [&](std::uint64_t addr, std::string what) { out.push_back({addr, std::move(what)}); };
    if (!top_) return out;
    // The walk: sizes tile [base, top), the top reaches the break, P bits and footers agree.
    const auto walk = chunks();
    std::uint64_t end = config_.base;
    for (std::size_t i = 0; i < walk.size(); ++i) {
        const auto& c = walk[i];
        if (c.chunk != end) bad(c.chunk, "the chunk walk does not reach this chunk: sizes do not tile the heap");
        if (c.size < kMinSize || c.size % kAlign != 0) bad(c.chunk, "chunk size " + std::to_string(c.size) + " is not a multiple of 16 of at least 32");
        end = c.chunk + c.size;
        const bool prev_free = i > 0 && (walk[i - 1].bin == GlibcBin::Unsorted || walk[i - 1].bin == GlibcBin::Small ||
                                         walk[i - 1].bin == GlibcBin::Large);
        if (i == 0 && !c.prev_inuse) bad(c.chunk, "the first chunk must have its P bit set");
        if (i > 0 && c.prev_inuse == prev_free) bad(c.chunk, "the P bit disagrees with whether the previous chunk is free");
        if (prev_free && word(c.chunk) != walk[i - 1].size) bad(c.chunk, "prev_size is not the free previous chunk's size");
        if (prev_free && (c.bin == GlibcBin::Unsorted || c.bin == GlibcBin::Small || c.bin == GlibcBin::Large || c.bin == GlibcBin::Top))
            bad(c.chunk, "two neighbouring free chunks were not merged");
        if (c.bin == GlibcBin::None && !is_live(c.chunk + 16)) bad(c.chunk, "an in-use chunk that no live pointer owns");
    }
    for (std::size_t i = 0; i < live_.size(); ++i) {
        if (!live_[i]) continue;
        const std::uint64_t chunk = config_.base + i * 16 - 16;
        const auto at = std::lower_bound(walk.begin(), walk.end(), chunk,
                                         [](const GlibcChunk& c, std::uint64_t a) { return c.chunk < a; });
        if (at == walk.end() || at->chunk != chunk || at->bin != GlibcBin::None)
            bad(chunk, "a live allocation is not an in-use chunk of the walk");
    }
    if (end != brk_) bad(top_, "the top chunk does not end at the program break (" + hex(brk_) + ")");
    if (size_of(top_) < kMinSize) bad(top_, "the top chunk is smaller than MINSIZE");
    // Every listed chunk once, at a chunk boundary, of its bin's size.
    const auto listed = places(*this);
    for (std::size_t i = 0; i < listed.size(); ++i) {
        const auto& l = listed[i];
        if (i > 0 && listed[i - 1].chunk == l.chunk) bad(l.chunk, "a chunk is in two lists (or twice in one)");
        const auto at = std::lower_bound(walk.begin(), walk.end(), l.chunk,
                                         [](const GlibcChunk& c, std::uint64_t a) { return c.chunk < a; });
        if (at == walk.end() || at->chunk != l.chunk || at->chunk == top_) {
            bad(l.chunk, "a listed chunk is not a chunk of the heap");
            continue;
        }
        const std::uint64_t size = at->size;
        const bool fits = l.bin == GlibcBin::Tcache    ? tcache_index(size) == l.index
                          : l.bin == GlibcBin::Fastbin ? size <= kMaxFast && fastbin_index(size) == l.index
                          : l.bin == GlibcBin::Small   ? in_smallbin_range(size) && smallbin_index(size) == l.index
                          : l.bin == GlibcBin::Large   ? !in_smallbin_range(size) && largebin_index(size) == l.index
                                                       : true;
        if (!fits) bad(l.chunk, "a chunk of " + std::to_string(size) + " bytes is in the wrong bin");
        if (is_live(l.chunk + 16)) bad(l.chunk, "a chunk in a bin is also a live allocation");
    }
    // The lists themselves: counts, back links, large bins sorted with a sound skip list, binmap.
    for (int i = 0; i < kTcacheBins; ++i) {
        const auto list = tcache_list(i);
        if (list.size() != tcache_count(i) || list.size() > kTcacheCount) bad(tcache_, "tcache bin " + std::to_string(i) + " count disagrees with its list");
        for (auto c : list)
            if (word(c + 24) != config_.tcache_key) bad(c, "a tcache chunk without the tcache key");
    }
    for (int i = 1; i < kBins; ++i) {
        const std::uint64_t b = bin_at(static_cast<std::uint64_t>(i));
        std::uint64_t prev = b, prev_size = ~0ull;
        const auto list = bin_list(i);
        for (auto c : list) {
            if (bk(c) != prev) bad(c, "bin " + std::to_string(i) + ": bk does not point at the previous chunk");
            if (i >= 64 && size_of(c) > prev_size) bad(c, "large bin " + std::to_string(i) + " is not sorted largest first");
            const bool heads_run = size_of(c) != prev_size;
            if (i >= 64 && heads_run != (fd_nextsize(c) != 0)) bad(c, "large bin " + std::to_string(i) + ": only the first chunk of each size is on the nextsize list");
            if (i >= 64 && heads_run && (bk_nextsize(fd_nextsize(c)) != c || fd_nextsize(bk_nextsize(c)) != c))
                bad(c, "large bin " + std::to_string(i) + ": the nextsize links do not agree");
            prev = c;
            prev_size = size_of(c);
        }
        if (bk(b) != prev) bad(b, "bin " + std::to_string(i) + ": the bin's bk is not its last chunk");
        if (i > 1 && !list.empty() && !(binmap_[static_cast<std::size_t>(i) >> 5] & (1u << (i & 31))))
            bad(b, "bin " + std::to_string(i) + " holds chunks but its binmap bit is clear");
    }
    return out;
}

}  // namespace memsim::heap
