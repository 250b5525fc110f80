#include <algorithm>

#include "imgui.h"
#include "ui/address_space_overview.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {
namespace {

// Colour-blind-safe colours (Okabe-Ito) for the overview's regions.
std::array<ImU32, 16> overview_palette() {
    std::array<ImU32, 16> palette{};
    palette.fill(IM_COL32(40, 42, 48, 255));
    palette[static_cast<std::size_t>(PageCell::Text)] = IM_COL32(0, 114, 178, 255);
    palette[static_cast<std::size_t>(PageCell::Data)] = IM_COL32(86, 180, 233, 255);
    palette[static_cast<std::size_t>(PageCell::Heap)] = IM_COL32(0, 158, 115, 255);
    palette[static_cast<std::size_t>(PageCell::Mmap)] = IM_COL32(240, 228, 66, 255);
    palette[static_cast<std::size_t>(PageCell::Stack)] = IM_COL32(230, 159, 0, 255);
    palette[static_cast<std::size_t>(PageCell::Guard)] = IM_COL32(213, 94, 0, 255);
    palette[static_cast<std::size_t>(PageCell::Kernel)] = IM_COL32(120, 120, 130, 255);
    return palette;
}

}  // namespace

void draw_virtual_memory_panel(const Rect& rect, bool place, const Fonts& /*fonts*/, GridRenderer* grids) {
    static const AddressSpaceOverview overview = classic_32bit_layout();
    static const std::array<ImU32, 16> palette = overview_palette();
    if (begin_panel("Virtual memory", rect, place)) {
        ImGui::TextWrapped("A 32-bit address space: 2^20 pages of 4 KiB, one cell each, row by row from address 0. "
                           "Load a scenario to see which pages are resident, swapped or unmapped.");
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float legend_width = ImGui::GetFontSize() * 14.0f;
        const float side = std::max(0.0f, std::min(avail.x - legend_width, avail.y));
        if (grids != nullptr && side > 8.0f) {
            // Cells smaller than a pixel would hide small regions: shrink by max first.
            static int shown_factor = 0;
            static AddressSpaceOverview shown;
            const float pixels = side * ImGui::GetIO().DisplayFramebufferScale.x;
            const int factor = reduction_factor(overview.columns, pixels);
            if (factor != shown_factor) {
                shown = reduce_by_max(overview, factor);
                shown_factor = factor;
            }
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            CellGridView view{.states = &shown.cells, .columns = shown.columns, .rows = shown.rows,
                              .version = static_cast<std::uint64_t>(factor), .highlight = -1, .palette = palette};
            grids->draw(0, view, origin, ImVec2(origin.x + side, origin.y + side));
            ImGui::Dummy(ImVec2(side, side));
            ImGui::SameLine();
        }
        ImGui::BeginGroup();
        for (const RegionRange& region : overview.regions) {
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float box = ImGui::GetTextLineHeight();
            ImGui::GetWindowDrawList()->AddRectFilled(p, ImVec2(p.x + box, p.y + box),
                                                      palette[static_cast<std::size_t>(region.cell)]);
            ImGui::Dummy(ImVec2(box, box));
            ImGui::SameLine();
            ImGui::TextUnformatted(region.name.c_str());
        }
        ImGui::EndGroup();
    }
    ImGui::End();
}

}  // namespace memsim::ui
