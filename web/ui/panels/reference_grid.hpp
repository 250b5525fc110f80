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
//
// ImGui tables take at most 64 columns, and a long trace has millions of references, so
// the grid shows a window of at most `reference_grid_max_columns` references around the
// current step (and at most `reference_grid_max_frames` frames); it moves in half-window
// jumps so that stepping does not rebuild it every step.
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

inline constexpr std::size_t reference_grid_max_columns = 60;  // ImGui 1.86 allows 64 in all
inline constexpr std::size_t reference_grid_max_frames = 64;   // rows drawn at most

struct ReferenceGrid {
    bool available = false;                // only for reference and trace scenarios
    std::size_t frame_count = 0;           // frame rows in each column (at most the maximum)
    std::size_t total_frames = 0;          // frames the pager has
    std::uint64_t first_step = 1;          // columns[i] is step first_step + i
    std::uint64_t total_steps = 0;         // references in the whole run
    std::vector<ReferenceColumn> columns;
    bool truncated = false;                // the run has references outside the window
};

// The index of the first reference shown when the current step is `step` (0 = before
// the first): windows start at multiples of half the window, so the current step lies
// inside and the window changes only every half window.
std::uint64_t reference_grid_window_start(std::uint64_t step, std::uint64_t total_steps,
                                          std::size_t max_columns = reference_grid_max_columns);

// Replays a copy of the run over the window around `step`: at most `max_columns` steps.
ReferenceGrid make_reference_grid(const machine::Simulator& simulator, std::uint64_t step,
                                  std::size_t max_columns = reference_grid_max_columns);

// Draws the grid with the column of `step` highlighted; clicking a column seeks there.
// Never asks ImGui for more than reference_grid_max_columns + 1 columns.
void draw_reference_grid(const ReferenceGrid& grid, std::uint64_t step, PanelContext& context);

}  // namespace memsim::ui
