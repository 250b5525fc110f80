#pragma once
// The glibc model (glibc.hpp) as one of the Heap's allocator engines, so scenarios, C
// programs and the app can choose `allocator = "glibc"`. Unlike the textbook engines it
// decides mmap itself (its threshold moves) and judges bad pointers with glibc's own
// checks, so the Heap hands it whole calls (heap_glibc.cpp) and uses the AllocatorEngine
// operations below only to read the heap back: chunks as blocks (a chunk in the tcache or
// a fastbin is free to the program, though glibc keeps it marked in use), the checker.
#include "memsim/heap/config.hpp"
#include "memsim/heap/engine.hpp"
#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

class GlibcEngine {
public:
    GlibcEngine(const HeapConfig& config, const Region& region);

    MEMSIM_HEAP_ENGINE_OPERATIONS
    std::uint64_t payload_offset() const { return 16; }
    static constexpr bool has_headers() { return true; }

    GlibcMalloc& model() { return model_; }
    const GlibcMalloc& model() const { return model_; }

private:
    GlibcMalloc model_;
};

// The model's settings for a Heap configuration: its base, limits and thresholds
// (mmap_threshold 0 = never map), mappings placed top-down from mmap_top_of(config) to mmap_base.
GlibcConfig glibc_config_for(const HeapConfig& config);

}  // namespace memsim::heap
