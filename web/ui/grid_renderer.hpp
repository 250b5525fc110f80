#pragma once
// How panels draw large grids of cells (pages, frames, heap granules) without one ImGui
// rectangle per cell: the panel describes the grid as plain values and the renderer
// (implemented in web/gfx with a shader) draws it in one call. The UI never calls GL.
#include <array>
#include <cstdint>
#include <vector>

#include "imgui.h"

namespace memsim::ui {

// A grid to draw: one state byte per cell, row-major; states index the palette.
struct CellGridView {
    const std::vector<std::uint8_t>* states = nullptr;
    int columns = 0;
    int rows = 0;
    std::uint64_t version = 0;                 // changes whenever `states` changes (re-upload)
    int highlight = -1;                        // cell index to outline, or -1
    std::array<ImU32, 16> palette{};           // colour per state
};

class GridRenderer {
public:
    virtual ~GridRenderer() = default;
    // Queues the grid `id` into the current window's draw list, filling [min, max].
    virtual void draw(int id, const CellGridView& view, ImVec2 min, ImVec2 max) = 0;
};

}  // namespace memsim::ui
