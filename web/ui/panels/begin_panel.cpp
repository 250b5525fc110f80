#include "imgui.h"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

bool begin_panel(const char* title, const Rect& rect, bool place) {
    const ImGuiCond cond = place ? ImGuiCond_Always : ImGuiCond_FirstUseEver;
    ImGui::SetNextWindowPos(ImVec2(rect.x, rect.y), cond);
    ImGui::SetNextWindowSize(ImVec2(rect.width, rect.height), cond);
    return ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoCollapse);
}

}  // namespace memsim::ui
