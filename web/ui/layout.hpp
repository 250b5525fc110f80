#pragma once
// Where each panel sits: a pure function of the display size, so the tiling can be
// unit-tested without a window. The panels tile the space between the menu bar and
// the status line:
//
//   +-----------+------------------+---------------+
//   |           |      Heap        | Virtual memory|
//   |  Stack    |                  |               |
//   |           +------------------+---------------+
//   |           |            Events                |
//   +-----------+----------------------------------+
//   | status line                                  |
namespace memsim::ui {

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
};

struct PanelLayout {
    Rect stack, heap, virtual_memory, events;
};

// Tiles the display below a menu bar of `top` pixels and above a status line of
// `bottom` pixels. Sizes never go negative, however small the display.
PanelLayout compute_layout(float display_width, float display_height, float top, float bottom);

}  // namespace memsim::ui
