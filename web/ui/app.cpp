#include "ui/app.hpp"

#include <algorithm>

#include "imgui.h"
#include "imgui_internal.h"
#include "memsim/version.hpp"
#include "ui/builtin_scenarios.hpp"
#include "ui/layout.hpp"
#include "ui/panels/compare_panel.hpp"
#include "ui/panels/console_panel.hpp"
#include "ui/panels/controls_panel.hpp"
#include "ui/panels/diagram_panel.hpp"
#include "ui/panels/events_panel.hpp"
#include "ui/panels/heap_panel.hpp"
#include "ui/panels/lesson_panel.hpp"
#include "ui/panels/source_panel.hpp"
#include "ui/panels/stack_panel.hpp"
#include "ui/panels/statistics_panel.hpp"
#include "ui/panels/virtual_memory_panel.hpp"
#include "ui/widget_rects.hpp"

namespace memsim::ui {

App::App(AppInfo info) : info_(info) {
    // Open on a lesson, ready to play, asking its questions before revealing their steps.
    controller_.execute(cmd::SetQuizMode{true});
    controller_.execute(cmd::LoadBuiltin{default_builtin});
}

void App::set_font_size_factor(float factor) { font_size_factor_ = std::clamp(factor, 0.75f, 2.0f); }

bool App::prepare_frame(float display_scale) {
    const float scale = display_scale * font_size_factor_;
    bool fonts_rebuilt = false;
    if (scale != applied_scale_) {
        fonts_ = load_fonts(scale);
        fonts_rebuilt = true;
    }
    if (fonts_rebuilt || theme_ != applied_theme_) {
        apply_style(theme_, scale);
        applied_scale_ = scale;
        applied_theme_ = theme_;
        relayout_ = relayout_ || fonts_rebuilt;  // sizes changed; a theme alone keeps the layout
    }
    return fonts_rebuilt;
}

void App::draw() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (display.x != last_display_w_ || display.y != last_display_h_) {
        last_display_w_ = display.x;
        last_display_h_ = display.y;
        relayout_ = true;
    }
    // Commands queued by last frame's widgets and keys are applied here, between frames.
    controller_.apply_pending(static_cast<double>(ImGui::GetIO().DeltaTime));
    ImGui::PushFont(fonts_.ui);
    begin_widget_frame();
    handle_control_keys(controller_);
    if (!view_.embed) draw_menu_bar();
    const float bar_height = view_.embed ? 0.0f : ImGui::GetFrameHeight();
    const machine::Snapshot& snapshot = controller_.snapshot();
    const bool has_process = !snapshot.processes.empty();
    const ShownPanels& chosen = view_.panels;
    // Console and Compare appear where the scenario has content for them, unless a page
    // chose its panels (?panels=...) without naming them.
    const bool every_panel = chosen == ShownPanels{};
    const ShownPanels shown{.stack = chosen.stack && (!controller_.loaded() || (has_process && snapshot.processes.front().stack_top != 0)),
                            .heap = chosen.heap && (!controller_.loaded() || (has_process && controller_.run_uses_heap())),
                            .virtual_memory = chosen.virtual_memory && (!controller_.loaded() || snapshot.vm.has_value()),
                            .source = chosen.source, .events = chosen.events, .statistics = chosen.statistics,
                            .console = (every_panel || chosen.console) && snapshot.kind == "program",
                            .compare = (every_panel || chosen.compare) && controller_.loaded() &&
                                       compare_kind(*controller_.simulator()) != CompareKind::None,
                            .lesson = chosen.source && has_lesson(controller_),
                            .diagram = (every_panel || chosen.diagram) && snapshot.kind == "program",
                            .wide_source = wide_source_ && chosen.source};
    if (!(shown == shown_)) {
        shown_ = shown;
        relayout_ = true;
    }
    const PanelLayout layout = compute_layout(display.x, display.y, bar_height, bar_height, controls_height(), shown);
    // (Embed mode has no menu bar and no status line: bar_height is 0 for both.)
    PanelContext context{.controller = controller_, .fonts = fonts_, .palette = palette_for(theme_),
                         .grids = grid_renderer_, .place = relayout_ && frames_drawn_ > 0,
                         .reduce_motion = reduce_motion_, .selection = &selection_, .wide_source = &wide_source_};
    // (On the first frame panels take their tiles only where no saved layout places them.)
    draw_controls_panel(layout.controls, context);
    if (shown.lesson) draw_lesson_panel(layout.lesson, context);
    if (shown.source) draw_source_panel(layout.source, context);
    if (shown.stack) draw_stack_panel(layout.stack, context);
    if (shown.diagram) draw_diagram_panel(layout.diagram, context);
    if (shown.heap) draw_heap_panel(layout.heap, context);
    if (shown.virtual_memory) draw_virtual_memory_panel(layout.virtual_memory, context);
    if (shown.events) draw_events_panel(layout.events, context);
    if (shown.console) draw_console_panel(layout.console, context);
    if (shown.compare) draw_compare_panel(layout.compare, context);
    if (shown.statistics) draw_statistics_panel(layout.statistics, context);
    if (!view_.embed) draw_status_line();
    if (show_keys_) {
        ImGui::OpenPopup("Keys");
        show_keys_ = false;
    }
    if (ImGui::BeginPopupModal("Keys", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Space   play / pause");
        ImGui::TextUnformatted("Right   one step forward");
        ImGui::TextUnformatted("Left    one step back");
        ImGui::TextUnformatted("Home    back to step 0");
        ImGui::TextUnformatted("End     run to the end");
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (show_about_) {
        ImGui::OpenPopup("About memsim");
        show_about_ = false;
    }
    if (ImGui::BeginPopupModal("About memsim", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("memsim %s", version());
        ImGui::TextUnformatted("A memory-management simulator: the call stack, the heap and virtual memory,");
        ImGui::TextUnformatted("step by step and to scale.");
        ImGui::Text("Dear ImGui %s", ImGui::GetVersion());
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopFont();
    end_widget_frame();
    relayout_ = false;
    ++frames_drawn_;
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::BeginMenu("Lessons")) {
            for (const CourseLesson& lesson : course()) {
                if (ImGui::MenuItem(lesson.label.c_str(), nullptr, controller_.builtin_name() == lesson.name)) {
                    controller_.push(cmd::LoadBuiltin{lesson.name});
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Built-in scenarios")) {
            for (const BuiltinScenario& s : builtin_scenarios()) {
                if (ImGui::MenuItem(s.name, nullptr, controller_.builtin_name() == s.name)) {
                    controller_.push(cmd::LoadBuiltin{s.name});
                }
            }
            ImGui::EndMenu();
        }
        if (info_.read_file) draw_path_box();
        ImGui::TextDisabled("Drop a .msim scenario or a .c program on the window to open it");
        if (info_.can_quit) {
            ImGui::Separator();
            if (ImGui::MenuItem("Quit")) quit_requested_ = true;
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        const Theme theme_before = theme_;
        const float size_before = font_size_factor_;
        if (ImGui::MenuItem("Dark theme", nullptr, theme_ == Theme::Dark)) theme_ = Theme::Dark;
        if (ImGui::MenuItem("Light theme", nullptr, theme_ == Theme::Light)) theme_ = Theme::Light;
        ImGui::Separator();
        if (ImGui::MenuItem("Larger text")) set_font_size_factor(font_size_factor_ + 0.125f);
        if (ImGui::MenuItem("Smaller text")) set_font_size_factor(font_size_factor_ - 0.125f);
        if (ImGui::MenuItem("Reduce motion", nullptr, reduce_motion_)) {
            reduce_motion_ = !reduce_motion_;
            ImGui::MarkIniSettingsDirty();
        }
        if (theme_ != theme_before || font_size_factor_ != size_before) ImGui::MarkIniSettingsDirty();
        if (ImGui::MenuItem("Reset layout")) relayout_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys")) show_keys_ = true;
        if (ImGui::MenuItem("About memsim")) show_about_ = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

std::string App::open_path(const std::string& path) {
    if (!info_.read_file) return "opening files by path is not available here";
    if (path.empty()) return "type the path of a .msim or .c file";
    const auto text = info_.read_file(path);
    if (!text) return "cannot read '" + path + "'";
    const CommandResult result = controller_.execute(cmd::Load{*text, false});
    if (!result.ok) return path + ":" + (result.errors.empty() ? std::string("cannot load") : result.errors.front().to_string());
    return {};
}

void App::draw_path_box() {
    ImGui::TextUnformatted("Open a file by its path:");
    path_box_.resize(std::max<std::size_t>(path_box_.size(), 1024));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22.0f);
    const bool entered = ImGui::InputTextWithHint("##open-path", "/path/to/scenario.msim", path_box_.data(), path_box_.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Open") || entered) {
        path_error_ = open_path(path_box_.c_str());
        if (path_error_.empty()) ImGui::CloseCurrentPopup();
    }
    if (!path_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette_for(theme_).guard);
        ImGui::TextUnformatted(path_error_.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
}

void App::draw_status_line() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float height = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(0, display.y - height));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().FramePadding.x, 2));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (ImGui::Begin("##status", nullptr, flags)) {
        if (controller_.loaded()) {
            const auto& errors = controller_.load_errors();
            ImGui::Text("memsim %s  |  %s  |  %s  |  step %llu of %llu%s", version(), info_.platform_name,
                        controller_.snapshot().title.c_str(), static_cast<unsigned long long>(controller_.step()),
                        static_cast<unsigned long long>(controller_.total_steps()),
                        errors.empty() ? "" : "  |  the edited text has errors (see Source)");
        } else {
            ImGui::Text("memsim %s  |  %s  |  no scenario loaded", version(), info_.platform_name);
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace memsim::ui
