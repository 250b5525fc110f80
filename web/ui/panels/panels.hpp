#pragma once
// One function per panel; each draws its own window at the rectangle the layout gives.
// `place` is true when the layout changed (first frame, window resized, layout reset)
// and the panel must move to its rectangle; otherwise the user's placement stays.
#include "ui/grid_renderer.hpp"
#include "ui/layout.hpp"
#include "ui/style.hpp"

namespace memsim::ui {

// Begins a tiled panel window; returns what ImGui::Begin returns (call ImGui::End always).
bool begin_panel(const char* title, const Rect& rect, bool place);

void draw_stack_panel(const Rect& rect, bool place, const Fonts& fonts);
void draw_heap_panel(const Rect& rect, bool place, const Fonts& fonts);
void draw_virtual_memory_panel(const Rect& rect, bool place, const Fonts& fonts, GridRenderer* grids);
void draw_events_panel(const Rect& rect, bool place, const Fonts& fonts);

}  // namespace memsim::ui
