#pragma once
// What every panel gets: where to draw, the controller to read and to send commands
// to, fonts, colours and the grid renderer. Each panel lives in its own file with a
// header that declares its view model (built in a const function, unit-tested in
// tests/ui/) and its draw function.
#include <algorithm>
#include <cstdint>

#include "memsim/machine/snapshot.hpp"
#include "ui/controller.hpp"
#include "ui/grid_renderer.hpp"
#include "ui/layout.hpp"
#include "ui/palette.hpp"
#include "ui/style.hpp"

namespace memsim::ui {

struct CourseProgress;

// Bytes the user picked in one panel (a box or an arrow of the memory diagram): the
// Stack, Heap and Virtual-memory panels outline what overlaps them.
struct MemorySelection {
    std::uint64_t start = 0, end = 0;  // [start, end); empty = nothing selected
    std::uint64_t also_start = 0, also_end = 0;  // an arrow's target, picked with its pointer
    bool active() const { return end > start; }
    bool overlaps(std::uint64_t address, std::uint64_t size) const {
        const std::uint64_t last = address + std::max<std::uint64_t>(size, 1);
        return (active() && address < end && last > start) || (also_end > also_start && address < also_end && last > also_start);
    }
};

struct PanelContext {
    Controller& controller;   // read state; push() commands only
    const Fonts& fonts;
    const Palette& palette;
    GridRenderer* grids;      // null = draw no cell grids
    bool place;               // the layout changed: move panels to their rectangles
    bool reduce_motion = false;  // no animations (View > Reduce motion)
    MemorySelection* selection = nullptr;  // shared between panels; null in tests that need none
    bool* wide_source = nullptr;           // the Source panel's Wider / Narrower choice (the App's)
    float* diagram_zoom = nullptr;         // the Memory diagram's zoom, 1 = the UI's text size (the App's)
    const CourseProgress* progress = nullptr;  // lessons finished (the picker marks them); may be null
    bool compact = false;  // a phone: one panel at a time, large step buttons
};

// Begins a tiled panel window; returns what ImGui::Begin returns (call ImGui::End always).
bool begin_panel(const char* title, const Rect& rect, bool place, int extra_flags = 0);

// The snapshot's current process (or its first), or nullptr when it has none.
const machine::ProcessView* current_process(const machine::Snapshot& snapshot);

// "0x1a2b" for addresses.
const char* hex_text(std::uint64_t value);

}  // namespace memsim::ui
