#include "imgui.h"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

void draw_virtual_memory_panel(const Rect& rect, bool place, const Fonts& /*fonts*/) {
    if (begin_panel("Virtual memory", rect, place)) {
        ImGui::TextDisabled("Nothing loaded yet.");
        ImGui::Spacing();
        ImGui::TextWrapped("%s", "Address translation appears here: a virtual address split into page number and offset, the TLB lookup, the page-table walk and the physical frame it lands in.");
    }
    ImGui::End();
}

}  // namespace memsim::ui
