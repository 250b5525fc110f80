#pragma once
// The textbook picture of page replacement for reference-string and trace scenarios:
// the references across, the frames down, each column the frames' contents after that
// reference, faults marked below and the page that came in highlighted.
//
//   ref     7  0  1  2  0  3
//   frame 0 7  7  7  2  2  2
//   frame 1    0  0  0  0  3
//   frame 2       1  1  1  1
//   fault   F  F  F  F     F
#include <cstdint>
#include <optional>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct ReferenceColumn {
    std::uint64_t page = 0;                          // the page referenced
    bool write = false;
    bool fault = false;
    std::optional<std::uint32_t> loaded_frame;       // the frame it went into (on a fault)
    std::vector<std::optional<std::uint64_t>> frames;  // each frame's page after the step
};

struct ReferenceGrid {
    bool available = false;                // only for reference and trace scenarios
    std::size_t frame_count = 0;
    std::vector<ReferenceColumn> columns;  // column i = step i + 1
    bool truncated = false;                // the run has more steps than were computed
};

// Replays a copy of the run from the start, at most `max_steps` steps.
ReferenceGrid make_reference_grid(const machine::Simulator& simulator, std::size_t max_steps);

// Draws the grid with the column of `step` highlighted; clicking a column seeks there.
void draw_reference_grid(const ReferenceGrid& grid, std::uint64_t step, PanelContext& context);

}  // namespace memsim::ui
