#pragma once
// What every panel gets: where to draw, the controller to read and to send commands
// to, fonts, colours and the grid renderer. Each panel lives in its own file with a
// header that declares its view model (built in a const function, unit-tested in
// tests/ui/) and its draw function.
#include "memsim/machine/snapshot.hpp"
#include "ui/controller.hpp"
#include "ui/grid_renderer.hpp"
#include "ui/layout.hpp"
#include "ui/palette.hpp"
#include "ui/style.hpp"

namespace memsim::ui {

struct PanelContext {
    Controller& controller;   // read state; push() commands only
    const Fonts& fonts;
    const Palette& palette;
    GridRenderer* grids;      // null = draw no cell grids
    bool place;               // the layout changed: move panels to their rectangles
    bool reduce_motion = false;  // no animations (View > Reduce motion)
};

// Begins a tiled panel window; returns what ImGui::Begin returns (call ImGui::End always).
bool begin_panel(const char* title, const Rect& rect, bool place, int extra_flags = 0);

// The snapshot's current process (or its first), or nullptr when it has none.
const machine::ProcessView* current_process(const machine::Snapshot& snapshot);

// "0x1a2b" for addresses.
const char* hex_text(std::uint64_t value);

}  // namespace memsim::ui
