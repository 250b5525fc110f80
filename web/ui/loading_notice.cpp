#include "ui/loading_notice.hpp"

#include <string>

#include "imgui.h"
#include "ui/widget_rects.hpp"

namespace memsim::ui {

namespace {

constexpr const char* running_popup_title = "Running";

// 1234567 -> "1,234,567".
std::string with_thousands(std::uint64_t n) {
    std::string digits = std::to_string(n);
    for (std::size_t at = digits.size(); at > 3; at -= 3) digits.insert(at - 3, ",");
    return digits;
}

}  // namespace

void draw_loading_notice(Controller& controller, std::uint64_t step_limit) {
    if (!controller.loading()) {
        if (ImGui::IsPopupOpen(running_popup_title) && ImGui::BeginPopupModal(running_popup_title)) {  // the load has ended: close
            ImGui::CloseCurrentPopup();
            ImGui::EndPopup();
        }
        return;
    }
    if (!ImGui::IsPopupOpen(running_popup_title)) ImGui::OpenPopup(running_popup_title);
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (!ImGui::BeginPopupModal(running_popup_title, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    const std::uint64_t steps = controller.loading_steps();
    ImGui::Text("Running the scenario: %s steps so far", with_thousands(steps).c_str());
    const float fraction = step_limit > 0 ? static_cast<float>(static_cast<double>(steps) / static_cast<double>(step_limit)) : 0.0f;
    ImGui::ProgressBar(fraction, ImVec2(ImGui::GetFontSize() * 22.0f, 0.0f),
                       ("of at most " + with_thousands(step_limit)).c_str());
    ImGui::TextDisabled("Every step is recorded so that you can step back and forth afterwards.");
    if (ImGui::Button("Stop here") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
        controller.push(cmd::StopLoading{});
        ImGui::CloseCurrentPopup();
    }
    note_item("loading.stop");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Keep the steps run so far and look at them");
    ImGui::EndPopup();
}

}  // namespace memsim::ui
