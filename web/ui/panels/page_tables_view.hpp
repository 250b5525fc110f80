#pragma once
// The page directory and the tables a multi-level walk goes through, for the running
// process: which top-level entries point to a table, and in each last-level table the
// entries that map a page (to a frame, or to swap). A lesson on multi-level tables asks
// "how many page tables?": the answer is drawn here, one box per table.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "memsim/machine/snapshot.hpp"
#include "memsim/vm/address.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct PageTableEntryRow {
    std::uint64_t index = 0;  // in its table
    std::uint64_t vpn = 0;
    std::string maps;         // "frame 3", "swap slot 2", "zero page"
};

struct PageTableBox {
    std::string path;         // the upper-level indices that reach it: "dir 0x20" or "0x0 > 0x1ff > 0x1ff"
    std::uint64_t first_vpn = 0;  // the first page it covers
    std::uint64_t covers_bytes = 0;
    std::vector<PageTableEntryRow> entries;  // present or swapped entries, by index (at most 64 listed)
    std::size_t more_entries = 0;            // entries left out of the list
};

struct PageTablesView {
    bool available = false;   // a multi-level layout with pages mapped
    std::uint32_t levels = 0;
    std::uint64_t root_entries = 0;      // entries of the top-level table (the directory)
    std::uint64_t used_root_entries = 0; // directory entries that point to a table
    std::uint64_t table_bytes = 0;       // one table's size
    std::uint64_t tables = 0;            // tables allocated, the directory included
    std::uint64_t flat_table_bytes = 0;  // one flat table for the whole address space
    std::vector<PageTableBox> boxes;     // last-level tables that map pages, at most 32 listed
    std::size_t more_boxes = 0;
    std::uint64_t empty_tables = 0;      // tables below the root that map no page now
};

// One last-level entry that maps a page (present, or backed by zero-fill or swap).
struct MappedPage {
    std::uint64_t vpn = 0;
    bool present = false;
    std::uint32_t frame = 0;      // when present
    std::string backing;          // when not present: "zero", "swap", "file"
    std::uint32_t swap_slot = 0;  // when backing is "swap"
};

// The view of a process's tables: `tables` as the page table counts them (the root
// included), the mapped pages in VPN order (a one-level layout gives available = false).
PageTablesView make_page_tables_view(const std::vector<MappedPage>& pages, std::uint64_t tables, const vm::AddressLayout& layout);

// The running process's tables in the simulator's current step (unavailable for traces,
// which have no page tables).
PageTablesView make_page_tables_view(const machine::Simulator& simulator);

void draw_page_tables(const PageTablesView& view, PanelContext& context);

}  // namespace memsim::ui
