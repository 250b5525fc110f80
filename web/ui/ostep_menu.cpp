#include "ui/ostep_menu.hpp"

#include <imgui.h>

#include "memsim/ostep/ostep.hpp"
#include "memsim/ostep/scenario.hpp"

namespace memsim::ui {

std::string open_ostep_problem(Controller& controller, std::string_view script, std::string_view flags) {
    const auto text = ostep::ostep_scenario_from_line(std::string(script) + " " + std::string(flags));
    if (!text) return text.error().message;
    const CommandResult result = controller.execute(cmd::Load{*text, false});
    if (!result.ok) return result.errors.empty() ? std::string("cannot load the problem") : result.errors.front().to_string();
    return {};
}

void draw_ostep_menu(Controller& controller, OstepMenu& menu) {
    if (!ImGui::BeginMenu("OSTEP homework")) return;
    const std::vector<std::string> names = ostep::script_names();
    for (int i = 0; i < static_cast<int>(names.size()); ++i) {
        if (ImGui::RadioButton(names[static_cast<std::size_t>(i)].c_str(), menu.script == i)) menu.script = i;
    }
    menu.flags.resize(std::max<std::size_t>(menu.flags.size(), 256));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 18.0f);
    const bool entered = ImGui::InputTextWithHint("##ostep-flags", "-s 3 -p LRU", menu.flags.data(), menu.flags.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Open problem") || entered) {
        menu.error = open_ostep_problem(controller, names[static_cast<std::size_t>(menu.script)], menu.flags.c_str());
        if (menu.error.empty()) ImGui::CloseCurrentPopup();
    }
    if (!menu.error.empty()) ImGui::TextWrapped("%s", menu.error.c_str());
    ImGui::TextDisabled("The same problem as python3 SCRIPT FLAGS; paging-policy.py (FIFO, LRU, OPT, MRU) so far");
    ImGui::EndMenu();
}

}  // namespace memsim::ui
