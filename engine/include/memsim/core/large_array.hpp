#pragma once
// LargeArray<T>: a std::vector whose big buffers ask the OS for huge pages.
//
// The heap engines keep arrays as large as the simulated heap (its byte image, a mark per
// granule, a record per buddy unit) and touch them at random places: a free of a random
// block reads its header, its neighbours and their list links. With 4 KiB pages a 30 MB
// heap spans 7,500 pages, far more than the TLB holds, so nearly every such read also
// walks the page table; measured, that was half the time of a free at 100K live blocks
// (BENCHMARKS.md). Buffers of 4 MiB and more are therefore 2 MiB-aligned and marked
// MADV_HUGEPAGE on Linux, which the kernel honours under the default THP setting
// ("madvise"). The last huge page may be partly unused, so smaller buffers (and the many
// small heap copies that step-back checkpoints keep) stay on the plain allocator, which
// is also the only one elsewhere (WebAssembly, other systems).
#include <cstddef>
#include <new>
#include <vector>

#if defined(__linux__) && !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#define MEMSIM_HUGE_PAGES 1
#endif

namespace memsim {

template <class T>
struct HugePageAllocator {
    using value_type = T;
    static constexpr std::size_t kHugePage = std::size_t{2} << 20;
    static constexpr std::size_t kThreshold = 2 * kHugePage;

    HugePageAllocator() = default;
    template <class U>
    HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

    T* allocate(std::size_t n) {
#ifdef MEMSIM_HUGE_PAGES
        if (n * sizeof(T) >= kThreshold) {  // n is at most max_size(): no overflow
            const std::size_t rounded = rounded_size(n);
            void* p = ::operator new(rounded, std::align_val_t{kHugePage});
            madvise(p, rounded, MADV_HUGEPAGE);  // a hint: failure only costs speed
            return static_cast<T*>(p);
        }
#endif
        return std::allocator<T>{}.allocate(n);
    }

    void deallocate(T* p, std::size_t n) noexcept {
#ifdef MEMSIM_HUGE_PAGES
        if (n * sizeof(T) >= kThreshold) {
            ::operator delete(p, std::align_val_t{kHugePage});
            return;
        }
#endif
        std::allocator<T>{}.deallocate(p, n);
    }

    static std::size_t rounded_size(std::size_t n) { return (n * sizeof(T) + kHugePage - 1) / kHugePage * kHugePage; }

    template <class U>
    bool operator==(const HugePageAllocator<U>&) const noexcept { return true; }
};

template <class T>
using LargeArray = std::vector<T, HugePageAllocator<T>>;

}  // namespace memsim
