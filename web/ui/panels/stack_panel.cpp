#include "imgui.h"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

void draw_stack_panel(const Rect& rect, bool place, const Fonts& /*fonts*/) {
    if (begin_panel("Stack", rect, place)) {
        ImGui::TextDisabled("Nothing loaded yet.");
        ImGui::Spacing();
        ImGui::TextWrapped("%s", "The call stack appears here once a program runs: one frame per active call, each with its arguments, return address, saved frame pointer and locals, drawn to scale with their addresses. The stack grows down, towards lower addresses.");
    }
    ImGui::End();
}

}  // namespace memsim::ui
