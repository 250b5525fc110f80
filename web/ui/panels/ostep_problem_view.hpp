#pragma once
// An OSTEP translation problem (scenario kind = "ostep") drawn in the Virtual memory
// panel: the registers or tables of the problem, the current address taken apart, and
// the list of addresses with the answers revealed up to the current step (the
// homework's -c, one address at a time).
//
//   relocation.py        virtual space and physical memory as bars, base and bounds shaded
//   segmentation.py      the two segments in both bars (0 grows up, 1 grows down)
//   paging-linear        the page table, the entry of the current VPN lit
//   paging-multilevel    the page directory, the page table and the data page, each entry
//                        of the walk lit
//   paging-policy.py     (CLOCK, RAND, UNOPT) the script's cache, left to right, the page
//                        referenced lit and the page replaced named
//   malloc.py            the heap as a bar to scale (chunks in use, free-list entries
//                        numbered in list order), the chunk the op took or gave back lit
#include <string>
#include <vector>

#include "memsim/machine/snapshot.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

// Whether the snapshot is an OSTEP malloc.py problem (drawn in the Heap panel, not the
// Virtual memory panel).
bool is_heap_problem(const machine::Snapshot& snapshot);

// One address (or malloc.py op) of the problem, as the list shows it.
struct OstepRow {
    std::string vaddr;     // "0x000001ae (430)"; malloc.py: the op, "ptr[0] = Alloc(3)"
    std::string answer;    // the script's answer once revealed, else "?"
    std::string full_answer;  // the answer as it reads once revealed: sizes the columns before it is
    bool current = false;  // this step's address
    bool fault = false;    // revealed and a violation or fault
};

// The rows for a problem answered up to `view.answered`.
std::vector<OstepRow> make_ostep_rows(const machine::OstepView& view);

// The current translation (the last answered), or nullptr at step 0.
const ostep::Translation* current_translation(const machine::OstepView& view);

void draw_ostep_problem(const machine::OstepView& view, PanelContext& context);

}  // namespace memsim::ui
