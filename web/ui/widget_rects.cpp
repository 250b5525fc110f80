#include "ui/widget_rects.hpp"

#include "imgui.h"
#include "imgui_internal.h"

namespace memsim::ui {
namespace {
std::vector<WidgetRect> drawing;  // this frame's, while it is drawn

WidgetRect rect_of(std::string name, ImVec2 min, ImVec2 max) {
    return WidgetRect{.name = std::move(name), .x = min.x, .y = min.y, .width = max.x - min.x, .height = max.y - min.y};
}
}  // namespace

void begin_widget_frame() { drawing.clear(); }

void note_item(const std::string& name) {
    if (!ImGui::IsItemVisible()) return;
    drawing.push_back(rect_of(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()));
}

void end_widget_frame() {
    for (ImGuiWindow* window : GImGui->Windows) {
        if (!window->Active || (window->Flags & ImGuiWindowFlags_ChildWindow) != 0) continue;
        const std::string name = window->Name;
        drawing.push_back(rect_of("window:" + name, window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y)));
        if ((window->Flags & ImGuiWindowFlags_NoTitleBar) == 0) {
            const ImRect title = window->TitleBarRect();
            drawing.push_back(rect_of("title:" + name, title.Min, title.Max));
        }
    }
    // The keyboard's nav cursor where ImGui draws it, while it shows (ui/keyboard_nav.hpp).
    ImGuiContext& g = *GImGui;
    if (g.NavWindow != nullptr && g.NavId != 0 && !g.NavDisableHighlight) {
        const ImRect r = ImGui::WindowRectRelToAbs(g.NavWindow, g.NavWindow->NavRectRel[g.NavLayer]);
        drawing.push_back(rect_of("nav:cursor", r.Min, r.Max));
    }
    finished_widget_rects().swap(drawing);
}

}  // namespace memsim::ui
