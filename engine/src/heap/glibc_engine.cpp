// The glibc model read back as Heap blocks.
#include "memsim/heap/glibc_engine.hpp"

namespace memsim::heap {

GlibcConfig glibc_config_for(const HeapConfig& c) {
    return GlibcConfig{.base = c.base,
                       .max_heap = c.max_heap,
                       .mmap_base = mmap_top_of(c),
                       .mmap_floor = c.mmap_base,
                       .max_mapped = c.max_mapped,
                       .page_size = c.page_size,
                       .mmap_threshold = c.mmap_threshold ? c.mmap_threshold : ~std::uint64_t{0},
                       .trim_threshold = c.trim_threshold ? c.trim_threshold : ~std::uint64_t{0}};
}

GlibcEngine::GlibcEngine(const HeapConfig& config, const Region&) : model_(glibc_config_for(config)) {}

// Whole calls go through Heap::glibc_*; these keep the engine usable on its own.
std::optional<Placement> GlibcEngine::allocate(std::uint64_t size, Region& region, EventSink&) {
    const std::uint64_t mem = model_.malloc(size);
    region.brk = model_.brk();
    if (!mem) return std::nullopt;
    return Placement{mem - 16, mem, model_.usable_size(mem) + 8, 0};
}

void GlibcEngine::release(std::uint64_t payload, Region& region, EventSink&) {
    model_.free(payload);
    region.brk = model_.brk();
}

bool GlibcEngine::resize_in_place(std::uint64_t, std::uint64_t, Region&, EventSink&) { return false; }

std::uint64_t GlibcEngine::block_size(std::uint64_t payload, const Region&) const {
    return model_.word(payload - 8) & ~glibc::kSizeBits;
}

namespace {
BlockView block_of(const GlibcChunk& c) {
    return BlockView{.block = c.chunk, .size = c.size, .payload = c.chunk + 16, .allocated = c.bin == GlibcBin::None};
}
}  // namespace

// For loads and stores a chunk in use owns its payload up to the next chunk's size field
// (the next prev_size is its last 8 usable bytes), so the block is [chunk + 8, next + 8):
// a store past the request into the next size field is an overflow into that header.
// When the chunk before is not a program's block (free, or the tcache's struct) a chunk's
// own size field is its header instead: a read just below the payload is "before" it.
std::optional<BlockView> GlibcEngine::find_block(std::uint64_t addr, const Region&) const {
    const auto chunks = model_.chunks();
    const auto lower = [&](std::size_t i) {
        const bool after_block = i > 0 && chunks[i - 1].bin == GlibcBin::None;
        return chunks[i].chunk + (after_block ? 16 : 8);
    };
    for (std::size_t i = 0; i < chunks.size(); ++i) {
        const GlibcChunk& c = chunks[i];
        const std::uint64_t upper = i + 1 < chunks.size() ? lower(i + 1) : c.chunk + c.size + 16;
        if (addr < lower(i) || addr >= upper) continue;
        BlockView view = block_of(c);
        view.block = c.chunk + 8;
        return view;
    }
    return std::nullopt;
}

void GlibcEngine::blocks(const Region&, std::vector<BlockView>& out) const {
    for (const auto& c : model_.chunks()) out.push_back(block_of(c));
}

FreeStats GlibcEngine::free_stats(const Region&) const {
    FreeStats stats;
    for (const auto& c : model_.chunks()) {
        if (c.bin == GlibcBin::None || c.bin == GlibcBin::TcacheStruct) continue;
        stats.bytes += c.size;
        stats.largest = std::max(stats.largest, c.size);
        ++stats.blocks;
    }
    return stats;
}

void GlibcEngine::check(const Region& region, std::vector<Violation>& out) const {
    for (auto& v : model_.check()) out.push_back(std::move(v));
    if (region.brk != model_.brk()) out.push_back({region.brk, "the heap's break disagrees with the glibc model's"});
}

}  // namespace memsim::heap
