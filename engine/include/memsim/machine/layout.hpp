#pragma once
// Where a process's regions live in its virtual address space.
//
//   32-bit (x86, Linux-like)          64-bit (x86-64, 48-bit addresses)
//   0xC0000000  kernel (not mapped)   0x7ffffffff000  stack top
//   stack top, grows down             stack, grows down
//   guard page below the limit        guard page below the limit
//   0xB8000000  mmap base             0x7ffff7fff000  mmap base (stack top - 128 MiB)
//   mmap area, grows down             mmap area, grows down
//   0x40000000  lowest mapping        0x7f0000000000  lowest mapping
//   heap (brk), grows up              heap (brk), grows up
//   bss, data, read-only data         bss, data, read-only data
//   0x08048000  text (code)           0x00400000  text (code)
//
// Each region maps onto pages of the paging engine when the process starts: text and
// read-only data from the program file, data from the file, bss and the stack as
// demand-zero pages; the heap and mmap areas are mapped as they grow. Anonymous mappings
// are placed as Linux places them: below the stack gap (the stack limit plus a 1 MiB guard
// gap, at least 128 MiB), each in the highest free gap that fits.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::machine {

// The kinds of region, in address order for the classic layouts.
enum class RegionKind : std::uint8_t { Text, ReadOnlyData, Data, Bss, Heap, Mmap, Stack, Guard };

// One region of an address space: [start, end).
struct Region {
    RegionKind kind = RegionKind::Text;
    std::uint64_t start = 0;
    std::uint64_t end = 0;

    bool contains(std::uint64_t address) const { return address >= start && address < end; }
    bool operator==(const Region&) const = default;
};

// Sizes a program asks for; the layout places them.
struct ProgramSizes {
    std::uint64_t text = 4096;
    std::uint64_t read_only_data = 4096;
    std::uint64_t data = 4096;
    std::uint64_t bss = 4096;
};

// The fixed addresses of an address space.
struct AddressSpaceLayout {
    std::uint32_t address_bits = 32;
    std::uint64_t page_size = 4096;
    std::uint64_t text_start = 0x08048000;
    std::uint64_t mmap_start = 0x40000000;  // the lowest address a mapping may take (the heap's limit)
    std::uint64_t mmap_top = 0xB8000000;    // Linux's mmap_base: mappings go downwards from here
    std::uint64_t stack_top = 0xC0000000;   // one past the highest stack byte
    std::uint64_t stack_limit = 8ull << 20; // bytes the stack may use
    std::vector<Region> regions;            // text .. bss, then heap start, stack and guard

    // The region holding `address`, or nullptr.
    const Region* region_of(std::uint64_t address) const;
    // The first address of the heap (the page after bss).
    std::uint64_t heap_start() const;
    bool operator==(const AddressSpaceLayout&) const = default;
};

// The classic layout for 32 or 64 address bits; other widths (16..48) get a scaled
// layout: text at the second page, mmap area at half the space, the stack at the top.
Result<AddressSpaceLayout> make_address_space(std::uint32_t address_bits, std::uint64_t page_size,
                                              std::uint64_t stack_limit, const ProgramSizes& sizes);

// "text", "read-only data", "data", "bss", "heap", "mmap", "stack", "guard page".
const char* region_name(RegionKind kind);

}  // namespace memsim::machine
