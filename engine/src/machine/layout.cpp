#include "memsim/machine/layout.hpp"

#include <algorithm>

#include "memsim/core/arithmetic.hpp"

namespace memsim::machine {

const Region* AddressSpaceLayout::region_of(std::uint64_t address) const {
    for (const Region& region : regions) {
        if (region.contains(address)) return &region;
    }
    return nullptr;
}

std::uint64_t AddressSpaceLayout::heap_start() const {
    for (const Region& region : regions) {
        if (region.kind == RegionKind::Heap) return region.start;
    }
    return 0;
}

Result<AddressSpaceLayout> make_address_space(std::uint32_t address_bits, std::uint64_t page_size,
                                              std::uint64_t stack_limit, const ProgramSizes& sizes) {
    if (address_bits < 16 || address_bits > 64) {
        return fail("address bits must be from 16 to 64, got " + std::to_string(address_bits));
    }
    AddressSpaceLayout layout;
    layout.address_bits = address_bits;
    layout.page_size = page_size;
    layout.stack_limit = round_up_to_multiple(stack_limit, page_size);
    if (address_bits == 32) {
        layout.text_start = 0x08048000;
        layout.mmap_start = 0x40000000;
        layout.stack_top = 0xC0000000;
    } else if (address_bits == 64) {
        layout.address_bits = 48;  // x86-64 uses 48-bit virtual addresses
        layout.text_start = 0x400000;
        layout.mmap_start = 0x7f0000000000;
        layout.stack_top = 0x7ffffffff000;
    } else {
        const std::uint64_t space = std::uint64_t{1} << address_bits;
        layout.text_start = page_size;
        layout.mmap_start = space / 2;
        layout.stack_top = space;
    }
    std::uint64_t at = layout.text_start;
    const auto place = [&](RegionKind kind, std::uint64_t bytes) {
        const std::uint64_t size = round_up_to_multiple(std::max<std::uint64_t>(bytes, 1), page_size);
        layout.regions.push_back(Region{kind, at, at + size});
        at += size;
    };
    place(RegionKind::Text, sizes.text);
    place(RegionKind::ReadOnlyData, sizes.read_only_data);
    place(RegionKind::Data, sizes.data);
    place(RegionKind::Bss, sizes.bss);
    const std::uint64_t heap_start = at;
    if (layout.stack_limit + page_size > layout.stack_top || layout.stack_top - layout.stack_limit - page_size <= layout.mmap_start ||
        heap_start >= layout.mmap_start) {
        return fail("a stack limit of " + std::to_string(stack_limit) + " bytes does not fit a " +
                    std::to_string(address_bits) + "-bit address space with these regions");
    }
    // Linux's mmap_base(): the stack gap is the stack limit plus stack_guard_gap (1 MiB),
    // clamped to [128 MiB, 5/6 of the space]. Scaled layouts too small for that keep only
    // the guard page below the stack.
    const std::uint64_t guard_start = layout.stack_top - layout.stack_limit - page_size;
    std::uint64_t gap = std::max<std::uint64_t>(layout.stack_limit + (1ull << 20), 128ull << 20);
    gap = std::min<std::uint64_t>(gap, layout.stack_top / 6 * 5);
    layout.mmap_top = guard_start;
    if (gap < layout.stack_top && layout.stack_top - gap > layout.mmap_start && layout.stack_top - gap < guard_start)
        layout.mmap_top = (layout.stack_top - gap) / page_size * page_size;
    layout.regions.push_back(Region{RegionKind::Heap, heap_start, layout.mmap_start});
    layout.regions.push_back(Region{RegionKind::Mmap, layout.mmap_start, layout.stack_top - layout.stack_limit - page_size});
    layout.regions.push_back(Region{RegionKind::Guard, layout.stack_top - layout.stack_limit - page_size,
                                    layout.stack_top - layout.stack_limit});
    layout.regions.push_back(Region{RegionKind::Stack, layout.stack_top - layout.stack_limit, layout.stack_top});
    return layout;
}

const char* region_name(RegionKind kind) {
    switch (kind) {
        case RegionKind::Text: return "text";
        case RegionKind::ReadOnlyData: return "read-only data";
        case RegionKind::Data: return "data";
        case RegionKind::Bss: return "bss";
        case RegionKind::Heap: return "heap";
        case RegionKind::Mmap: return "mmap";
        case RegionKind::Stack: return "stack";
        case RegionKind::Guard: return "guard page";
    }
    return "?";
}

}  // namespace memsim::machine
