#include "ui/address_space_overview.hpp"

#include <array>

namespace memsim::ui {

AddressSpaceOverview reduce_by_max(const AddressSpaceOverview& view, int factor) {
    if (factor <= 1) return view;
    // Rank states by how rare they are in the whole grid: the rarest present state wins
    // a shrunk cell, so a 64-page text region is not swallowed by a 2048-page heap.
    std::array<std::uint64_t, 256> total{};
    for (std::uint8_t cell : view.cells) ++total[cell];
    const auto rarer = [&](std::uint8_t a, std::uint8_t b) {
        if (a == 0 || b == 0) return b == 0 && a != 0;  // anything beats "unmapped"
        return total[a] < total[b] || (total[a] == total[b] && a > b);
    };
    AddressSpaceOverview reduced;
    reduced.columns = view.columns / factor;
    reduced.rows = view.rows / factor;
    reduced.regions = view.regions;
    reduced.cells.assign(static_cast<std::size_t>(reduced.columns) * static_cast<std::size_t>(reduced.rows), 0);
    for (int y = 0; y < reduced.rows * factor; ++y) {
        for (int x = 0; x < reduced.columns * factor; ++x) {
            const auto source = static_cast<std::size_t>(y) * static_cast<std::size_t>(view.columns) + static_cast<std::size_t>(x);
            const auto target = static_cast<std::size_t>(y / factor) * static_cast<std::size_t>(reduced.columns) +
                                static_cast<std::size_t>(x / factor);
            if (rarer(view.cells[source], reduced.cells[target])) reduced.cells[target] = view.cells[source];
        }
    }
    return reduced;
}

int reduction_factor(int columns, float max_cells) {
    int factor = 1;
    while (factor < columns && static_cast<float>(columns / factor) > max_cells) factor *= 2;
    return factor;
}

AddressSpaceOverview classic_32bit_layout() {
    constexpr std::uint64_t page = 4096;
    AddressSpaceOverview view;
    view.columns = 1024;
    view.rows = 1024;
    view.cells.assign(static_cast<std::size_t>(view.columns) * static_cast<std::size_t>(view.rows),
                      static_cast<std::uint8_t>(PageCell::Unmapped));
    view.regions = {
        {"text (code)", 0x08048000 / page, 64, PageCell::Text},
        {"data and bss", 0x08088000 / page, 32, PageCell::Data},
        {"heap (grows up with brk)", 0x080A8000 / page, 2048, PageCell::Heap},
        {"mmap area (libraries, big mallocs)", 0x40000000 / page, 4096, PageCell::Mmap},
        {"stack guard page", (0xC0000000 - (8u << 20)) / page - 1, 1, PageCell::Guard},
        {"stack (8 MiB, grows down)", (0xC0000000 - (8u << 20)) / page, (8u << 20) / page, PageCell::Stack},
        {"kernel", 0xC0000000 / page, 0x40000000 / page, PageCell::Kernel},
    };
    for (const RegionRange& region : view.regions) {
        for (std::uint64_t p = region.first_page; p < region.first_page + region.page_count && p < view.cells.size(); ++p) {
            view.cells[static_cast<std::size_t>(p)] = static_cast<std::uint8_t>(region.cell);
        }
    }
    return view;
}

}  // namespace memsim::ui
