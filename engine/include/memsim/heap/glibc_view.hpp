#pragma once
// The glibc arena as plain values, for the Snapshot and the Heap panel: every non-empty
// bin with its chunks in list order, the top chunk and the thresholds.
//
//   tcache[0x20] (2): 0x4042b0 -> 0x404290      newest first, 7 at most
//   fastbin 0 (0x20): ...                         newest first
//   unsorted: ...   small 5 (0x50): ...   large 70 (1024..1087): ...   (fd order)
#include <cstdint>
#include <string>
#include <vector>

namespace memsim::heap {

class GlibcMalloc;

enum class GlibcBinKind : std::uint8_t { Tcache, Fastbin, Unsorted, Small, Large };

// One non-empty bin.
struct GlibcBinView {
    GlibcBinKind kind = GlibcBinKind::Tcache;
    std::uint32_t index = 0;              // tcache 0..63, fastbin 0..9, bins 1..126
    std::uint64_t min_size = 0;           // the chunk sizes it holds: [min_size, max_size]
    std::uint64_t max_size = 0;
    std::vector<std::uint64_t> chunks{};  // chunk addresses, in list order
    bool operator==(const GlibcBinView&) const = default;
};

struct GlibcArenaView {
    std::vector<GlibcBinView> bins{};     // tcache, fastbins, unsorted, small, large: in that order
    std::uint64_t top = 0, top_size = 0, brk = 0, last_remainder = 0;
    std::uint64_t mmap_threshold = 0, trim_threshold = 0, system_mem = 0;
    std::uint64_t tcache_struct = 0;      // the tcache's own chunk (0 before the first call)
    std::uint32_t mappings = 0;           // live mmapped chunks
    bool operator==(const GlibcArenaView&) const = default;
};

GlibcArenaView arena_view(const GlibcMalloc& model);

}  // namespace memsim::heap
