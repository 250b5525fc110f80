#include "ui/panels/controls_panel.hpp"

#include "imgui.h"
#include "ui/builtin_scenarios.hpp"

namespace memsim::ui {

ControlsView make_controls_view(const Controller& controller) {
    ControlsView view;
    view.loaded = controller.loaded();
    view.step = controller.step();
    view.total = controller.total_steps();
    view.can_back = view.loaded && view.step > 0;
    view.can_step = view.loaded && view.step < view.total;
    view.playing = controller.playing();
    view.speed = controller.speed();
    if (const auto* sim = controller.simulator()) {
        view.title = sim->scenario().title;
        view.summary = sim->scenario().summary;
    }
    view.scenario_name = !controller.builtin_name().empty() ? controller.builtin_name()
                         : view.loaded                     ? "(your scenario)"
                                                           : "(none)";
    return view;
}

float controls_height() {
    const ImGuiStyle& style = ImGui::GetStyle();
    return ImGui::GetFrameHeightWithSpacing() + ImGui::GetFrameHeight() + style.WindowPadding.y * 2.0f;
}

namespace {
void toggle_play(Controller& controller) {
    if (controller.playing()) {
        controller.push(cmd::Pause{});
    } else {
        controller.push(cmd::Play{});
    }
}
}  // namespace

void handle_control_keys(Controller& controller) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !controller.loaded()) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
        toggle_play(controller);
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) controller.push(cmd::Step{1});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) controller.push(cmd::Back{1});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) controller.push(cmd::Reset{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false)) controller.push(cmd::RunToEnd{});
}

namespace {

void draw_picker(const ControlsView& view, Controller& controller) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
    if (ImGui::BeginCombo("##scenario", view.scenario_name.c_str())) {
        // The course first, in order; then every built-in by name.
        ImGui::TextDisabled("Lessons");
        for (const CourseLesson& lesson : course()) {
            ImGui::PushID(lesson.name);
            if (ImGui::Selectable(lesson.label.c_str(), false)) controller.push(cmd::LoadBuiltin{lesson.name});
            ImGui::PopID();
        }
        ImGui::Separator();
        ImGui::TextDisabled("All built-in scenarios");
        for (const BuiltinScenario& s : builtin_scenarios()) {
            if (ImGui::Selectable(s.name, view.scenario_name == s.name)) controller.push(cmd::LoadBuiltin{s.name});
        }
        ImGui::EndCombo();
    }
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Built-in scenarios");
}

bool button(const char* label, bool enabled, const char* tip) {
    ImGui::BeginDisabled(!enabled);
    const bool pressed = ImGui::Button(label);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
    ImGui::SameLine();
    return pressed;
}

}  // namespace

void draw_controls_panel(const Rect& rect, PanelContext& context) {
    Controller& controller = context.controller;
    const ControlsView view = make_controls_view(controller);
    const int flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoResize;
    if (begin_panel("Controls", rect, true, flags)) {
        draw_picker(view, controller);
        ImGui::SameLine();
        ImGui::TextUnformatted(view.title.c_str());
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, context.palette.muted);
        ImGui::TextUnformatted(view.summary.c_str());
        ImGui::PopStyleColor();

        if (button("|<", view.can_back, "Reset to step 0 (Home)")) controller.push(cmd::Reset{});
        if (button("<", view.can_back, "Step back (Left)")) controller.push(cmd::Back{1});
        if (button(view.playing ? "Pause" : "Play ", view.loaded, "Play or pause (Space)")) {
            toggle_play(controller);
        }
        if (button(">", view.can_step, "Step forward (Right)")) controller.push(cmd::Step{1});
        if (button(">|", view.can_step, "Run to the end (End)")) controller.push(cmd::RunToEnd{});
        float speed = static_cast<float>(view.speed);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        if (ImGui::SliderFloat("##speed", &speed, 0.25f, 60.0f, "%.2g steps/s", ImGuiSliderFlags_Logarithmic)) {
            controller.push(cmd::SetSpeed{speed});
        }
        ImGui::SameLine();
        ImGui::Text("step %llu / %llu", static_cast<unsigned long long>(view.step),
                    static_cast<unsigned long long>(view.total));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(-1.0f);
        std::uint64_t step = view.step;
        const std::uint64_t min = 0, max = view.total;
        ImGui::BeginDisabled(!view.loaded || view.total == 0);
        if (ImGui::SliderScalar("##timeline", ImGuiDataType_U64, &step, &min, &max, "")) {
            controller.push(cmd::Seek{step});
        }
        ImGui::EndDisabled();
    }
    ImGui::End();
}

}  // namespace memsim::ui
