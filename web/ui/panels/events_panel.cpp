#include "ui/panels/events_panel.hpp"

#include <cstdio>

#include "imgui.h"
#include "memsim/core/text.hpp"

namespace memsim::ui {

EventsView make_events_view(const std::vector<machine::Event>& events, std::uint64_t current_step) {
    EventsView view;
    for (auto it = events.rbegin(); it != events.rend(); ++it) {
        // Program output in event text may be any bytes (putchar(200)); ImGui gets UTF-8.
        view.rows.push_back(EventRow{.step = it->step, .line = it->line, .source = machine::source_name(it->source),
                                     .kind = std::string(machine::event_kind_name(it->kind)), .text = valid_utf8(it->text), .is_error = it->is_error,
                                     .current = it->step == current_step});
        if (it->is_error) ++view.errors;
    }
    return view;
}

void draw_events_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Events", rect, context.place)) {
        Controller& controller = context.controller;
        const EventsView view = make_events_view(controller.recent_events(), controller.step());
        if (!controller.loaded()) {
            ImGui::TextDisabled("Nothing loaded yet.");
        } else if (view.rows.empty()) {
            ImGui::TextWrapped("%s", controller.step() == 0 ? "Step 0: nothing has happened yet. Press Right or Play."
                                                             : "This step produced no events.");
        }
        const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerV;
        if (!view.rows.empty() && ImGui::BeginTable("##events", 3, flags)) {
            ImGui::TableSetupScrollFreeze(0, 1);
            ImGui::TableSetupColumn("step", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3.5f);
            ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 8.0f);
            ImGui::TableSetupColumn("explanation", ImGuiTableColumnFlags_WidthStretch);
            ImGui::TableHeadersRow();
            for (std::size_t i = 0; i < view.rows.size(); ++i) {
                const EventRow& row = view.rows[i];
                ImGui::TableNextRow();
                if (row.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, with_alpha(context.palette.current, 0x38));
                ImGui::TableNextColumn();
                ImGui::PushID(static_cast<int>(i));
                char label[32];
                std::snprintf(label, sizeof label, "%llu", static_cast<unsigned long long>(row.step));
                if (ImGui::Selectable(label, false, ImGuiSelectableFlags_SpanAllColumns)) controller.push(cmd::Seek{row.step});
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("Go to step %s (line %d)", label, row.line);
                ImGui::PopID();
                ImGui::TableNextColumn();
                if (row.is_error) ImGui::PushStyleColor(ImGuiCol_Text, context.palette.guard);
                ImGui::Text("%s %s", row.source.c_str(), row.kind.c_str());
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s%s", row.is_error ? "Error: " : "", row.text.c_str());
                if (row.is_error) ImGui::PopStyleColor();
            }
            ImGui::EndTable();
        }
    }
    ImGui::End();
}

}  // namespace memsim::ui
