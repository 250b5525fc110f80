#include "imgui.h"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

void draw_heap_panel(const Rect& rect, bool place, const Fonts& /*fonts*/) {
    if (begin_panel("Heap", rect, place)) {
        ImGui::TextDisabled("Nothing loaded yet.");
        ImGui::Spacing();
        ImGui::TextWrapped("%s", "The heap appears here: every block malloc handed out, with its header, payload and padding, and the free blocks between them, to scale along the heap's addresses.");
    }
    ImGui::End();
}

}  // namespace memsim::ui
