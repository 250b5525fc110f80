// Random operation sequences on every allocator, with the heap checker after every step.
// Byte 0 picks the allocator, byte 1 its coalescing and footers; then each 3-byte group
// is one operation: malloc, free, realloc or calloc of a small, page-sized or
// mmap-sized request, or a learner mistake (double free, interior or wild pointer).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <vector>

#include "memsim/core/assert.hpp"
#include "memsim/heap/heap.hpp"

namespace {

using memsim::heap::Coalescing;
using memsim::heap::Heap;

std::uint64_t request_size(std::uint8_t kind, std::uint8_t value) {
    switch (kind % 4) {
        case 0: return value;                                // tiny, including 0
        case 1: return std::uint64_t{value} * 16 + 1;        // up to ~4 KiB
        case 2: return std::uint64_t{value} * 4096;          // pages: crosses the mmap threshold
        default: return std::uint64_t{1} << (value % 40);    // powers of two up to 512 GiB
    }
}

void check_heap(const Heap& heap) {
    const auto violations = heap.check();
    for (const auto& v : violations) std::fprintf(stderr, "heap check at 0x%llx: %s\n",
                                                  static_cast<unsigned long long>(v.addr), v.message.c_str());
    MEMSIM_ASSERT(violations.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const auto kinds = memsim::heap::allocator_names();
    auto config = kinds[data[0] % kinds.size()].config;
    config.coalescing = static_cast<Coalescing>(data[1] % 3);
    config.footers = (data[1] & 4) != 0;
    config.max_heap = 4u << 20;  // small, so out-of-memory paths run too
    auto heap = Heap::create(config);
    if (!heap) return 0;
    std::vector<std::uint64_t> live;  // pointers handed out (some freed again on purpose)
    for (std::size_t at = 2; at + 3 <= size && at < 3 * 2000; at += 3) {
        const std::uint8_t op = data[at], a = data[at + 1], b = data[at + 2];
        const std::uint64_t picked = live.empty() ? 0 : live[a % live.size()];
        switch (op % 8) {
            case 0: case 1: case 2: live.push_back(heap->malloc(request_size(op >> 3, b))); break;
            case 3: heap->free(picked); break;                       // may be a double free
            case 4: live.push_back(heap->realloc(picked, request_size(op >> 3, b))); break;
            case 5: live.push_back(heap->calloc(a % 8, request_size(op >> 3, b))); break;
            case 6: heap->free(picked + 1 + b % 32); break;          // interior pointer
            default: heap->free(std::uint64_t{a} << (b % 48)); break; // wild pointer
        }
        check_heap(*heap);
    }
    (void)heap->leaks(live);
    (void)heap->metrics();
    return 0;
}
