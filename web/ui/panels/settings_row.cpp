#include "ui/panels/settings_row.hpp"

#include <string>

#include "imgui.h"
#include "memsim/heap/config.hpp"
#include "memsim/ui_support/settings_edit.hpp"
#include "memsim/vm/replacement/policy.hpp"
#include "ui/widget_rects.hpp"

namespace memsim::ui {
namespace {

void set(Controller& controller, const char* name, const std::string& value) {
    auto edit = ui_support::setting_edit(name, value);
    if (edit) controller.push(cmd::SetSettings{{*edit}});
}

// A count the user sets with - and + or by typing: "frames [ 3 -+]".
struct CountSetting {
    const char* label;    // shown before the box
    const char* setting;  // the setting_edit name, also the widget's name "settings.<setting>"
    const char* meaning;  // the tooltip's first words
};

void count_setting(Controller& controller, const CountSetting& c, int current) {
    ImGui::TextUnformatted(c.label);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
    int value = current;
    if (ImGui::InputInt((std::string("##") + c.setting).c_str(), &value, 1, 4, ImGuiInputTextFlags_EnterReturnsTrue) &&
        value >= 1 && value != current) {
        set(controller, c.setting, ui_support::toml_integer(value));
    }
    note_item(std::string("settings.") + c.setting);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: - and + re-run at once; type a number and press Enter", c.meaning);
}

}  // namespace

void draw_vm_settings(const VmPanelView& view, PanelContext& context) {
    Controller& controller = context.controller;
    ImGui::AlignTextToFramePadding();
    count_setting(controller, {"frames", "frames", "Physical frames"}, static_cast<int>(view.frames.size()));
    ImGui::SameLine();
    ImGui::TextUnformatted("policy");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 9.0f);
    if (ImGui::BeginCombo("##policy", view.policy.c_str())) {
        for (const vm::PolicyKind kind : vm::all_policies()) {
            const std::string name(vm::policy_name(kind));
            if (ImGui::Selectable(name.c_str(), name == view.policy) && name != view.policy) {
                set(controller, "policy", ui_support::toml_string(name));
            }
        }
        ImGui::EndCombo();
    }
    note_item("settings.policy");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The page-replacement policy: the run starts again with it");
    if (view.tlb.empty()) return;  // no TLB in this scenario: nothing to resize
    ImGui::SameLine();
    count_setting(controller, {"TLB", "tlb", "TLB entries"}, static_cast<int>(view.tlb.size()));
}

void draw_heap_settings(const std::string& allocator, PanelContext& context) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("allocator");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
    if (ImGui::BeginCombo("##allocator", allocator.c_str())) {
        for (const heap::AllocatorName& choice : heap::allocator_names()) {
            if (ImGui::Selectable(choice.name.c_str(), choice.name == allocator) && choice.name != allocator) {
                set(context.controller, "allocator", ui_support::toml_string(choice.name));
            }
        }
        ImGui::EndCombo();
    }
    note_item("settings.allocator");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("The malloc implementation: the run starts again with it");
}

}  // namespace memsim::ui
