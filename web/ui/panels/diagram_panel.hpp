#pragma once
// Memory diagram: a C program's frames, globals, heap blocks and string literals as
// boxes with their values, and every pointer as an arrow to what it points at (see
// diagram_layout.hpp). Leaked blocks are outlined as leaked; arrows into freed blocks or
// returned frames are drawn dashed, as dangling. Click a box or an arrow to outline the
// same bytes in the Stack, Heap and Virtual-memory panels.
#include "ui/panels/diagram_layout.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

void draw_diagram_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
