#include "ui/app.hpp"

#include <algorithm>

#include "imgui.h"
#include "memsim/version.hpp"
#include "ui/layout.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

App::App(AppInfo info) : info_(info) {}

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
        relayout_ = true;
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
    ImGui::PushFont(fonts_.ui);
    draw_menu_bar();
    const float bar_height = ImGui::GetFrameHeight();
    const PanelLayout layout = compute_layout(display.x, display.y, bar_height, bar_height);
    draw_stack_panel(layout.stack, relayout_, fonts_);
    draw_heap_panel(layout.heap, relayout_, fonts_);
    draw_virtual_memory_panel(layout.virtual_memory, relayout_, fonts_, grid_renderer_);
    draw_events_panel(layout.events, relayout_, fonts_);
    draw_status_line();
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
    relayout_ = false;
    ++frames_drawn_;
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::MenuItem("Quit", "Ctrl+Q", false, info_.can_quit)) quit_requested_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        if (ImGui::MenuItem("Dark theme", nullptr, theme_ == Theme::Dark)) theme_ = Theme::Dark;
        if (ImGui::MenuItem("Light theme", nullptr, theme_ == Theme::Light)) theme_ = Theme::Light;
        ImGui::Separator();
        if (ImGui::MenuItem("Larger text", "Ctrl+=")) font_size_factor_ = std::min(font_size_factor_ + 0.125f, 2.0f);
        if (ImGui::MenuItem("Smaller text", "Ctrl+-")) font_size_factor_ = std::max(font_size_factor_ - 0.125f, 0.75f);
        if (ImGui::MenuItem("Reset layout")) relayout_ = true;
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("About memsim")) show_about_ = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
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
        ImGui::Text("memsim %s  |  %s  |  no scenario loaded", version(), info_.platform_name);
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace memsim::ui
