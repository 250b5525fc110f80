#pragma once
// Virtual memory: the counters, the physical frames (owner, page, R and M bits, the
// frame the last step touched and the page it evicted), the TLB, and either the
// textbook reference grid (reference and trace scenarios) or the pages of the current
// process's address space, resident or not, drawn as a cell grid.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "memsim/machine/snapshot.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct FrameRow {
    std::uint32_t frame = 0;
    bool used = false;
    std::uint32_t owner = 0;
    std::uint64_t page = 0;
    bool referenced = false, dirty = false;
    bool last = false;  // the frame the last step touched
};

struct VmPanelView {
    bool has_vm = false;
    std::string policy;
    std::uint64_t page_size = 0;
    std::vector<FrameRow> frames;
    std::vector<machine::TlbEntryView> tlb;
    std::optional<std::uint64_t> last_victim;
    std::uint64_t references = 0, hits = 0, faults = 0, writebacks = 0, tlb_hits = 0, tlb_misses = 0;
    double fault_rate = 0, tlb_hit_rate = 0;
};

VmPanelView make_vm_view(const machine::Snapshot& snapshot);

// Cell states of the page map (indices into its palette).
// Cow: resident and copy-on-write (shared since fork until a write).
enum class PageState : std::uint8_t { Unmapped = 0, NotResident, Resident, Guard, Swapped, Cow };

struct RegionSummary {
    std::string name;
    std::uint64_t start = 0, end = 0;
    std::uint64_t pages = 0, resident = 0, swapped = 0;
};

// The pages of a process's regions, region after region (gaps left out), one cell each.
struct PageMap {
    int columns = 0, rows = 0;
    std::vector<std::uint8_t> cells;
    std::vector<RegionSummary> regions;
    std::uint64_t resident = 0, swapped = 0;
};

// `max_pages` caps the cells (the rest of a region is left out). The grid is at most 2048
// rows (one texture): more pages widen it beyond `columns`, up to 2048 columns.
PageMap make_page_map(const machine::Snapshot& snapshot, int columns, std::uint64_t max_pages = 1u << 20);

void draw_virtual_memory_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
