#pragma once
// Where each panel sits: a pure function of the display size, so the tiling can be
// unit-tested without a window. The panels tile the space between the menu bar and
// the status line:
//
//   +----------------------------------------------------------+
//   | Controls and timeline                                    |
//   +-----------+-----------+------------------+---------------+
//   |           |           |      Heap        | Virtual memory|
//   |  Source   |  Stack    |                  |               |
//   |           |           |                  |               |
//   |-----------|           |                  |               |
//   |  Lesson   |           |                  |               |
//   |           |           +----------------------+-----------+
//   |           |           | Events | Console | Compare | Stats |
//   +-----------+-----------+----------------------------------+
//   (Console for programs, Compare for reference and heap traces: only when shown)
//   A C program also gets the Memory diagram: it takes the left of the upper row, and
//   Heap and Virtual memory share the rest, one above the other.
//   | status line                                              |
#include <string>

namespace memsim::ui {

struct Rect {
    float x = 0, y = 0, width = 0, height = 0;
};

struct PanelLayout {
    Rect controls, lesson, source, stack, heap, virtual_memory, events, statistics;
    Rect console, compare;  // empty unless shown
    Rect diagram;           // empty unless shown
};

// Which panels are shown: the machine's panels the loaded scenario has content for (a
// paging trace has no stack or heap, a heap trace no stack or paging) and those a page
// embedding the app chose (?panels=stack,heap). A hidden panel's space goes to the others.
struct ShownPanels {
    bool stack = true, heap = true, virtual_memory = true;
    bool source = true, events = true, statistics = true;
    bool console = false, compare = false;  // the lower row's optional panels
    bool lesson = false;  // the scenario teaches: the lesson panel takes the bottom of the source column
    bool diagram = false;  // programs: the memory diagram, in the upper row
    bool wide_source = false;  // the Source panel's Wider button: it takes 45% of the width
    std::string large{};       // the panel the scenario is about gets the most room ("heap", "vm", ...)
    bool operator==(const ShownPanels&) const = default;
};

// Tiles the display below a menu bar of `top` pixels and above a status line of
// `bottom` pixels; the controls strip is `controls_height` pixels high. Panels not
// shown get an empty rectangle. Sizes never go negative, however small the display.
PanelLayout compute_layout(float display_width, float display_height, float top, float bottom,
                           float controls_height, ShownPanels shown = {});

}  // namespace memsim::ui
