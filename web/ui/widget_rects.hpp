#pragma once
// Where the last frame drew its windows and a few named widgets, in CSS / window pixels,
// so UI tests can click a button or a title bar by name instead of by fixed coordinates
// (memsim.debugWidgets() in the page; page_api verb "debugWidgets"). Recording is a
// handful of rectangles per frame: cheap enough to stay on in every build.
//
//   if (ImGui::Button("Edit")) ...;  note_item("source.edit");
//   every window "W" gives "window:W" and its title bar "title:W"; "nav:cursor" is the
//   keyboard's nav cursor while it shows
#include <string>
#include <vector>

namespace memsim::ui {

struct WidgetRect {
    std::string name;
    float x = 0, y = 0, width = 0, height = 0;
};

// Starts a frame's record (the previous frame's stays readable until end_widget_frame).
void begin_widget_frame();
// Records the last ImGui item under `name` (only while it is visible).
void note_item(const std::string& name);
// Adds the open top-level windows and finishes the frame's record.
void end_widget_frame();
// The last finished frame's rectangles. Kept here, not in widget_rects.cpp, so the JS
// API (page_api.cpp) reads them without linking ImGui (its fuzzer has no ImGui).
inline std::vector<WidgetRect>& finished_widget_rects() {
    static std::vector<WidgetRect> rects;
    return rects;
}
inline const std::vector<WidgetRect>& widget_rects() { return finished_widget_rects(); }

}  // namespace memsim::ui
