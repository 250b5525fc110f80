// Helpers shared by the heap allocator tests.
#pragma once

#include <cstdint>
#include <tuple>
#include <vector>

#include "memsim/heap/heap.hpp"

namespace memsim::heap::test {

// HeapConfig's default base: the hand-worked examples give addresses as offsets from it.
inline constexpr std::uint64_t kBase = 0x10000000;

// A heap's blocks as (offset from kBase, size, allocated), in address order, for compact checks.
using BlockLayout = std::vector<std::tuple<std::uint64_t, std::uint64_t, bool>>;
inline BlockLayout block_layout(const Heap& heap) {
    BlockLayout out;
    for (const auto& b : heap.blocks()) out.emplace_back(b.block - kBase, b.size, b.allocated);
    return out;
}

}  // namespace memsim::heap::test
