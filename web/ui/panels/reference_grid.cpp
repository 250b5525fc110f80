#include "ui/panels/reference_grid.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"

namespace memsim::ui {

ReferenceGrid make_reference_grid(const machine::Simulator& simulator, std::size_t max_steps) {
    ReferenceGrid grid;
    const auto* session = std::get_if<machine::ReferenceSession>(&simulator.session());
    if (session == nullptr) return grid;
    grid.available = true;
    const vm::DenseTrace& dense = session->trace().dense;
    machine::Simulator replay = simulator;
    replay.seek(0);
    const std::uint64_t steps = std::min<std::uint64_t>(replay.total_steps(), max_steps);
    grid.truncated = steps < replay.total_steps();
    std::uint64_t faults = 0;
    for (std::uint64_t s = 0; s < steps; ++s) {
        replay.step_forward(1);
        const machine::Snapshot snap = replay.snapshot();
        const auto index = static_cast<std::size_t>(s);
        ReferenceColumn column;
        column.page = dense.pages[dense.ids[index]];
        column.write = dense.writes[index] != 0;
        if (snap.vm) {
            column.fault = snap.vm->faults > faults;
            faults = snap.vm->faults;
            if (column.fault) column.loaded_frame = snap.vm->last_frame;
            for (const machine::FrameView& f : snap.vm->frames) {
                column.frames.push_back(f.used ? std::optional<std::uint64_t>(f.page) : std::nullopt);
            }
            grid.frame_count = snap.vm->frames.size();
        }
        grid.columns.push_back(std::move(column));
    }
    return grid;
}

void draw_reference_grid(const ReferenceGrid& grid, std::uint64_t step, PanelContext& context) {
    const Palette& palette = context.palette;
    const int columns = static_cast<int>(grid.columns.size()) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_NoHostExtendY;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeight() + style.CellPadding.y * 2.0f;
    const float rows_height = row * static_cast<float>(grid.frame_count + 2) + style.ScrollbarSize + 2.0f;
    if (columns < 2 || columns > 512 || !ImGui::BeginTable("##refgrid", columns, flags, ImVec2(0, rows_height))) return;
    ImGui::TableSetupScrollFreeze(1, 0);
    // Columns fit their widest label ("12w" for a write), so labels are never cut.
    ImGui::PushFont(context.fonts.mono);
    std::size_t widest = 2;
    for (const ReferenceColumn& column : grid.columns) {
        widest = std::max(widest, std::to_string(column.page).size() + (column.write ? 1 : 0));
    }
    const float cell_width = ImGui::CalcTextSize(std::string(widest, '0').c_str()).x;
    ImGui::PopFont();
    ImGui::TableSetupColumn("##frame", ImGuiTableColumnFlags_WidthFixed);
    for (std::size_t i = 0; i < grid.columns.size(); ++i) {
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, cell_width);
    }
    const auto cell = [](const char* text) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text);
    };
    const auto highlight_column = [&](std::size_t i) {
        if (i + 1 == step) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(palette.current, 0x50));
    };
    ImGui::PushFont(context.fonts.mono);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    cell("ref");
    for (std::size_t i = 0; i < grid.columns.size(); ++i) {
        ImGui::TableNextColumn();
        highlight_column(i);
        const std::string label = std::to_string(grid.columns[i].page) + (grid.columns[i].write ? "w" : "");
        if (ImGui::Selectable(label.c_str(), i + 1 == step)) context.controller.push(cmd::Seek{i + 1});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("step %zu: page %s", i + 1, label.c_str());
    }
    for (std::size_t f = 0; f < grid.frame_count; ++f) {
        ImGui::TableNextRow();
        cell(("frame " + std::to_string(f)).c_str());
        for (std::size_t i = 0; i < grid.columns.size(); ++i) {
            const ReferenceColumn& column = grid.columns[i];
            ImGui::TableNextColumn();
            // The future stays blank: the grid fills in as the run reaches each column.
            if (column.loaded_frame && *column.loaded_frame == f && i + 1 <= step) {
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(palette.guard, 0xC0));
            } else {
                highlight_column(i);
            }
            if (i + 1 <= step && f < column.frames.size() && column.frames[f]) {
                ImGui::Text("%llu", static_cast<unsigned long long>(*column.frames[f]));
            }
        }
    }
    ImGui::TableNextRow();
    cell("fault");
    for (std::size_t i = 0; i < grid.columns.size(); ++i) {
        ImGui::TableNextColumn();
        highlight_column(i);
        if (grid.columns[i].fault && i + 1 <= step) ImGui::TextUnformatted("F");
    }
    ImGui::PopFont();
    ImGui::EndTable();
    legend_item(with_alpha(palette.guard, 0xC0), "page loaded on a fault (F)");
    legend_item(with_alpha(palette.current, 0x50), "current step; click a reference to go there");
    ImGui::NewLine();
    if (grid.truncated) ImGui::TextDisabled("Only the first %zu references are drawn.", grid.columns.size());
}

}  // namespace memsim::ui
