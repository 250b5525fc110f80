#include "ui/panels/controls_panel.hpp"

#include <algorithm>

#include "imgui.h"
#include "ui/builtin_scenarios.hpp"
#include "ui/course_progress.hpp"
#include "ui/widget_rects.hpp"

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
                         : !controller.lesson_name().empty() ? controller.lesson_name() + " (edited)"
                         : view.loaded                       ? "(your scenario)"
                                                             : "(none)";
    return view;
}

namespace {
float big_button_height();
}  // namespace

float controls_height(bool compact) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float rows = compact ? ImGui::GetFrameHeightWithSpacing() * 2.0f + big_button_height() + style.ItemSpacing.y
                               : ImGui::GetFrameHeightWithSpacing() + ImGui::GetFrameHeight();
    return rows + style.WindowPadding.y * 2.0f;
}

namespace {
// A phone's step buttons: a thumb's width and height.
float big_button_height() { return ImGui::GetFrameHeight() * 1.8f; }

void toggle_play(Controller& controller) {
    if (controller.playing()) {
        controller.push(cmd::Pause{});
    } else {
        controller.push(cmd::Play{});
    }
}
}  // namespace

void handle_control_keys(Controller& controller, bool stepping_keys) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !controller.loaded()) return;
    // A waiting question takes its answers by number (1 is the first button) and S skips.
    if (const QuizItem* pending = controller.quiz_mode() ? controller.quiz().pending(controller.step()) : nullptr) {
        for (const ImWchar typed : io.InputQueueCharacters) {
            const std::size_t index = typed >= '1' && typed <= '9' ? static_cast<std::size_t>(typed - '1') : ~std::size_t{0};
            if (index < pending->offered.size()) controller.push(cmd::Answer{pending->offered[index]});
            if (typed == 's' || typed == 'S') controller.push(cmd::SkipQuestion{});
        }
    }
    if (!stepping_keys) return;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) {
        toggle_play(controller);
    }
    // Arrows (held: they repeat), and PageDown / PageUp once per press, as a presentation
    // clicker sends them.
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageDown), false)) {
        controller.push(cmd::Step{1});
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_PageUp), false)) {
        controller.push(cmd::Back{1});
    }
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Home), false)) controller.push(cmd::Reset{});
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_End), false)) controller.push(cmd::RunToEnd{});
}

namespace {

void draw_picker(const ControlsView& view, Controller& controller, const CourseProgress* progress) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
    if (ImGui::BeginCombo("##scenario", view.scenario_name.c_str())) {
        // The course first, in order; then every built-in by name.
        ImGui::TextDisabled("Lessons");
        for (const CourseLesson& lesson : course()) {
            ImGui::PushID(lesson.name);
            const bool done = progress != nullptr && progress->finished.count(lesson.name) > 0;
            const std::string label = done ? lesson.label + "  (done)" : lesson.label;
            if (ImGui::Selectable(label.c_str(), view.scenario_name == lesson.name)) controller.push(cmd::LoadBuiltin{lesson.name});
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

namespace {

// A phone: the picker and title, then large step buttons, then the timeline.
void draw_compact_controls(const ControlsView& view, PanelContext& context) {
    Controller& controller = context.controller;
    draw_picker(view, controller, context.progress);
    ImGui::SameLine();
    ImGui::TextUnformatted(view.title.c_str());
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float width = (ImGui::GetContentRegionAvail().x - gap * 4.0f) / 5.0f;
    const ImVec2 size(std::max(width, ImGui::GetFontSize() * 2.0f), big_button_height());
    const auto big = [&](const char* label, bool enabled) {
        ImGui::BeginDisabled(!enabled);
        const bool pressed = ImGui::Button(label, size);
        ImGui::EndDisabled();
        return pressed;
    };
    const auto next = [&] { ImGui::SameLine(); };
    if (big("|<", view.can_back)) controller.push(cmd::Reset{});
    next();
    if (big("<", view.can_back)) controller.push(cmd::Back{1});
    next();
    if (big(view.playing ? "Pause" : "Play", view.loaded)) toggle_play(controller);
    next();
    if (big(">", view.can_step)) controller.push(cmd::Step{1});
    note_item("controls.step");
    next();
    if (big(">|", view.can_step)) controller.push(cmd::RunToEnd{});
    ImGui::Text("step %llu / %llu", static_cast<unsigned long long>(view.step), static_cast<unsigned long long>(view.total));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1.0f);
    std::uint64_t step = view.step;
    const std::uint64_t min = 0, max = view.total;
    ImGui::BeginDisabled(!view.loaded || view.total == 0);
    if (ImGui::SliderScalar("##timeline", ImGuiDataType_U64, &step, &min, &max, "")) controller.push(cmd::Seek{step});
    ImGui::EndDisabled();
}

}  // namespace

void draw_controls_panel(const Rect& rect, PanelContext& context) {
    Controller& controller = context.controller;
    const ControlsView view = make_controls_view(controller);
    const int flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoResize;
    if (context.compact) {
        if (begin_panel("Controls", rect, true, flags)) draw_compact_controls(view, context);
        ImGui::End();
        return;
    }
    if (begin_panel("Controls", rect, true, flags)) {
        draw_picker(view, controller, context.progress);
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
        note_item("controls.step");
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
