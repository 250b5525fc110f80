#include "ui/panels/reference_grid.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"

namespace memsim::ui {

std::uint64_t reference_grid_window_start(std::uint64_t step, std::uint64_t total_steps, std::size_t max_columns) {
    const std::uint64_t width = std::max<std::uint64_t>(max_columns, 2);
    const std::uint64_t half = width / 2;
    std::uint64_t start = step <= half ? 0 : ((step - 1) / half - 1) * half;
    if (total_steps > width) start = std::min(start, total_steps - width);
    else start = 0;
    return start;
}

ReferenceGrid make_reference_grid(const machine::Simulator& simulator, std::uint64_t step, std::size_t max_columns) {
    ReferenceGrid grid;
    const auto* session = std::get_if<machine::ReferenceSession>(&simulator.session());
    if (session == nullptr) return grid;
    grid.available = true;
    const vm::DenseTrace& dense = session->trace().dense;
    const std::uint64_t total = simulator.total_steps();
    const std::uint64_t start = reference_grid_window_start(step, total, max_columns);
    const std::uint64_t end = std::min<std::uint64_t>(total, start + std::max<std::size_t>(max_columns, 1));
    grid.first_step = start + 1;
    grid.total_steps = total;
    grid.truncated = start > 0 || end < total;
    machine::Simulator replay = simulator;
    replay.seek(start);
    std::uint64_t faults = 0;
    if (const machine::Snapshot before = replay.snapshot(); before.vm) faults = before.vm->faults;
    for (std::uint64_t s = start; s < end; ++s) {
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
            const std::size_t rows = std::min(snap.vm->frames.size(), reference_grid_max_frames);
            for (std::size_t f = 0; f < rows; ++f) {
                const machine::FrameView& frame = snap.vm->frames[f];
                column.frames.push_back(frame.used ? std::optional<std::uint64_t>(frame.page) : std::nullopt);
            }
            grid.frame_count = rows;
            grid.total_frames = snap.vm->frames.size();
        }
        grid.columns.push_back(std::move(column));
    }
    return grid;
}

void draw_reference_grid(const ReferenceGrid& grid, std::uint64_t step, PanelContext& context) {
    const Palette& palette = context.palette;
    const std::size_t shown = std::min(grid.columns.size(), reference_grid_max_columns);
    const int columns = static_cast<int>(shown) + 1;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollX | ImGuiTableFlags_SizingFixedFit |
                                  ImGuiTableFlags_NoHostExtendY;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float row = ImGui::GetTextLineHeight() + style.CellPadding.y * 2.0f;
    const float rows_height = row * static_cast<float>(grid.frame_count + 2) + style.ScrollbarSize + 2.0f;
    if (columns < 2 || columns > static_cast<int>(reference_grid_max_columns) + 1 || !ImGui::BeginTable("##refgrid", columns, flags, ImVec2(0, rows_height))) return;
    ImGui::TableSetupScrollFreeze(1, 0);
    // Columns fit their widest label ("12w" for a write), so labels are never cut.
    ImGui::PushFont(context.fonts.mono);
    std::size_t widest = 2;
    for (std::size_t i = 0; i < shown; ++i) {
        const ReferenceColumn& column = grid.columns[i];
        widest = std::max(widest, std::to_string(column.page).size() + (column.write ? 1 : 0));
    }
    const float cell_width = ImGui::CalcTextSize(std::string(widest, '0').c_str()).x;
    ImGui::PopFont();
    ImGui::TableSetupColumn("##frame", ImGuiTableColumnFlags_WidthFixed);
    for (std::size_t i = 0; i < shown; ++i) {
        ImGui::TableSetupColumn(nullptr, ImGuiTableColumnFlags_WidthFixed, cell_width);
    }
    const auto cell = [](const char* text) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(text);
    };
    // Column i is step first_step + i.
    const auto step_of = [&](std::size_t i) { return grid.first_step + i; };
    const auto highlight_column = [&](std::size_t i) {
        if (step_of(i) == step) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(palette.current, 0x50));
    };
    ImGui::PushFont(context.fonts.mono);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    cell("ref");
    for (std::size_t i = 0; i < shown; ++i) {
        ImGui::TableNextColumn();
        highlight_column(i);
        const std::string label = std::to_string(grid.columns[i].page) + (grid.columns[i].write ? "w" : "");
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::Selectable(label.c_str(), step_of(i) == step)) context.controller.push(cmd::Seek{step_of(i)});
        ImGui::PopID();
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("step %llu: page %s", static_cast<unsigned long long>(step_of(i)), label.c_str());
        }
    }
    for (std::size_t f = 0; f < grid.frame_count; ++f) {
        ImGui::TableNextRow();
        cell(("frame " + std::to_string(f)).c_str());
        for (std::size_t i = 0; i < shown; ++i) {
            const ReferenceColumn& column = grid.columns[i];
            ImGui::TableNextColumn();
            // The future stays blank: the grid fills in as the run reaches each column.
            if (column.loaded_frame && *column.loaded_frame == f && step_of(i) <= step) {
                ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, with_alpha(palette.guard, 0xC0));
            } else {
                highlight_column(i);
            }
            if (step_of(i) <= step && f < column.frames.size() && column.frames[f]) {
                ImGui::Text("%llu", static_cast<unsigned long long>(*column.frames[f]));
            }
        }
    }
    ImGui::TableNextRow();
    cell("fault");
    for (std::size_t i = 0; i < shown; ++i) {
        ImGui::TableNextColumn();
        highlight_column(i);
        if (grid.columns[i].fault && step_of(i) <= step) ImGui::TextUnformatted("F");
    }
    ImGui::PopFont();
    ImGui::EndTable();
    legend_item(with_alpha(palette.guard, 0xC0), "page loaded on a fault (F)");
    legend_item(with_alpha(palette.current, 0x50), "current step; click a reference to go there");
    ImGui::NewLine();
    if (grid.truncated && !grid.columns.empty()) {
        ImGui::TextDisabled("References %llu to %llu of %llu are drawn (a window around the current step).",
                            static_cast<unsigned long long>(grid.first_step),
                            static_cast<unsigned long long>(grid.first_step + grid.columns.size() - 1),
                            static_cast<unsigned long long>(grid.total_steps));
    }
    if (grid.total_frames > grid.frame_count) {
        ImGui::TextDisabled("Frames 0 to %zu of %zu are drawn.", grid.frame_count - 1, grid.total_frames);
    }
}

}  // namespace memsim::ui
