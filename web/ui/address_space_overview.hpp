#pragma once
// The view model of the address-space overview: every page of an address space as one
// cell of a square grid, coloured by the region it belongs to. Built without ImGui or
// GL so it can be tested; the panel hands it to a GridRenderer.
#include <cstdint>
#include <string>
#include <vector>

namespace memsim::ui {

// Cell states of the overview (indices into its palette).
enum class PageCell : std::uint8_t { Unmapped = 0, Text, Data, Heap, Mmap, Stack, Guard, Kernel };

// A named range of pages.
struct RegionRange {
    std::string name;
    std::uint64_t first_page = 0;
    std::uint64_t page_count = 0;
    PageCell cell = PageCell::Unmapped;
};

// The grid: `columns` x `rows` cells, row-major, one per page.
struct AddressSpaceOverview {
    int columns = 0;
    int rows = 0;
    std::vector<std::uint8_t> cells;
    std::vector<RegionRange> regions;
};

// The grid shrunk by `factor` in both directions (a power of two dividing the grid):
// each new cell shows the rarest state among the factor x factor cells it covers (any
// state beats unmapped), so a small region stays visible when cells are smaller than a
// pixel.
AddressSpaceOverview reduce_by_max(const AddressSpaceOverview& view, int factor);

// The smallest power-of-two factor that makes the grid at most `max_cells` cells wide.
int reduction_factor(int columns, float max_cells);

// The classic 32-bit Linux layout (4 GiB in 4 KiB pages: 2^20 cells): text at
// 0x08048000, data and heap above it, mmap area from 0x40000000, the stack below
// 0xC0000000 with its guard page, and the kernel's upper gigabyte.
AddressSpaceOverview classic_32bit_layout();

}  // namespace memsim::ui
