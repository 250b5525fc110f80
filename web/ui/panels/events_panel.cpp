#include "imgui.h"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

void draw_events_panel(const Rect& rect, bool place, const Fonts& /*fonts*/) {
    if (begin_panel("Events", rect, place)) {
        ImGui::TextDisabled("Nothing loaded yet.");
        ImGui::Spacing();
        ImGui::TextWrapped("%s", "Each step's events appear here in plain words, newest first: calls and returns, allocations, page faults and their victims.");
    }
    ImGui::End();
}

}  // namespace memsim::ui
