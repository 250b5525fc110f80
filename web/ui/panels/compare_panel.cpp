#include "ui/panels/compare_panel.hpp"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/percent.hpp"
#include "ui/widget_rects.hpp"
#include "memsim/heap/config.hpp"
#include "memsim/heap/trace.hpp"
#include "memsim/vm/policy_comparison.hpp"

namespace memsim::ui {

CompareKind compare_kind(const machine::Simulator& simulator) {
    if (std::holds_alternative<machine::ReferenceSession>(simulator.session())) return CompareKind::Policies;
    if (std::holds_alternative<machine::HeapTraceSession>(simulator.session())) return CompareKind::Allocators;
    return CompareKind::None;
}

std::vector<std::string> default_compare_choices(const machine::Simulator& simulator) {
    std::vector<std::string> choices;
    if (const auto* refs = std::get_if<machine::ReferenceSession>(&simulator.session())) {
        choices = {"fifo", "lru", "opt", "clock"};
        const std::string own(vm::policy_name(refs->pager().config().policy.kind));
        if (std::find(choices.begin(), choices.end(), own) == choices.end()) choices.push_back(own);
    } else if (compare_kind(simulator) == CompareKind::Allocators) {
        for (const heap::AllocatorName& a : heap::allocator_names()) choices.push_back(a.name);
    }
    return choices;
}

namespace {

CompareView compare_policies_view(const machine::ReferenceSession& session, const std::vector<std::string>& choices) {
    CompareView view;
    view.kind = CompareKind::Policies;
    const vm::PagerConfig& config = session.pager().config();
    view.frames = config.frames;
    std::vector<vm::PolicyKind> kinds;
    for (const std::string& name : choices) {
        if (const auto kind = vm::parse_policy(name)) kinds.push_back(*kind);
    }
    const auto rows = vm::compare_policies(config, session.trace().dense, kinds);
    if (!rows) {
        view.kind = CompareKind::None;
        view.why_not = rows.error().message;
        return view;
    }
    for (const vm::PolicyComparisonRow& r : *rows) {
        view.policies.push_back(PolicyCompareRow{.policy = std::string(vm::policy_name(r.policy)),
                                                 .current = r.policy == config.policy.kind,
                                                 .references = r.counters.references, .hits = r.counters.hits,
                                                 .faults = r.counters.faults, .writebacks = r.counters.writebacks,
                                                 .hit_rate = r.hit_rate()});
    }
    return view;
}

CompareView compare_allocators_view(const machine::HeapTraceSession& session, const std::vector<std::string>& choices) {
    CompareView view;
    view.kind = CompareKind::Allocators;
    const heap::HeapConfig& own = session.heap().config();
    std::vector<heap::HeapConfig> configs;
    for (const std::string& name : choices) {
        const auto preset = heap::allocator_by_name(name);
        if (!preset) continue;
        // The scenario's sizes and addresses, with the preset's design.
        heap::HeapConfig config = own;
        config.allocator = preset->allocator;
        config.fit = preset->fit;
        config.order = preset->order;
        configs.push_back(config);
    }
    const std::string own_name = heap::allocator_name(own);
    for (const heap::TraceRun& run : heap::compare(configs, session.trace())) {
        const heap::HeapMetrics& m = run.metrics;
        view.allocators.push_back(AllocatorCompareRow{
            .allocator = run.allocator, .current = run.allocator == own_name, .utilisation = m.utilisation(),
            .external_fragmentation = m.external_fragmentation(), .searched_mean = m.searched_mean(),
            .internal_fragmentation = m.internal_fragmentation, .peak_heap_size = m.peak_heap_size,
            .failures = m.failures});
    }
    return view;
}

}  // namespace

CompareView make_compare_view(const machine::Simulator& simulator, const std::vector<std::string>& choices) {
    if (const auto* refs = std::get_if<machine::ReferenceSession>(&simulator.session())) {
        return compare_policies_view(*refs, choices);
    }
    if (const auto* trace = std::get_if<machine::HeapTraceSession>(&simulator.session())) {
        return compare_allocators_view(*trace, choices);
    }
    CompareView view;
    view.why_not = "Comparisons need a reference string, an address trace or a heap trace.";
    return view;
}

namespace {

// Trace operations one comparison replays per choice; past this the panel asks first.
constexpr std::uint64_t compare_work_without_asking = 2'000'000;

std::uint64_t compare_work(const machine::Simulator& simulator) {
    if (const auto* refs = std::get_if<machine::ReferenceSession>(&simulator.session())) {
        return refs->trace().dense.ids.size();
    }
    if (const auto* trace = std::get_if<machine::HeapTraceSession>(&simulator.session())) {
        // An allocation costs a free-list search, far more than a page reference.
        return trace->trace().ops.size() * 100;
    }
    return 0;
}

// A bar in the current table cell, `fraction` of the cell's width, with its text.
void cell_bar(double fraction, ImU32 colour, const char* text, const Palette& palette) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(p, ImVec2(p.x + w, p.y + h), with_alpha(palette.unmapped, 0x60));
    draw->AddRectFilled(p, ImVec2(p.x + w * static_cast<float>(std::clamp(fraction, 0.0, 1.0)), p.y + h), colour);
    draw->AddText(ImVec2(p.x + 3, p.y), readable_text(colour), text);
    ImGui::Dummy(ImVec2(w, h));
}

void draw_policy_table(const CompareView& view, const Palette& palette) {
    ImGui::TextWrapped("The whole trace with %u frames under each policy (the scenario's own is marked *):", view.frames);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##policies", 4, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 9.0f))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("policy", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("faults", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("hit rate", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("write-backs", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    std::uint64_t most = 1;
    for (const PolicyCompareRow& r : view.policies) most = std::max(most, r.faults);
    for (const PolicyCompareRow& r : view.policies) {
        ImGui::TableNextRow();
        if (r.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, with_alpha(palette.current, 0x40));
        ImGui::TableNextColumn();
        ImGui::Text("%s%s", r.policy.c_str(), r.current ? " *" : "");
        ImGui::TableNextColumn();
        char text[32];
        std::snprintf(text, sizeof text, "%llu", static_cast<unsigned long long>(r.faults));
        cell_bar(static_cast<double>(r.faults) / static_cast<double>(most), r.current ? palette.current : palette.guard, text,
                 palette);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent_text(r.hit_rate).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(r.writebacks));
    }
    ImGui::EndTable();
}

void draw_allocator_table(const CompareView& view, const Palette& palette) {
    ImGui::TextWrapped("The whole heap trace on each allocator (the scenario's own is marked *):");
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##allocators", 5, flags, ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 9.0f))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("allocator", ImGuiTableColumnFlags_WidthStretch, 1.3f);
    ImGui::TableSetupColumn("utilisation", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("ext. frag.", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("searched", ImGuiTableColumnFlags_WidthStretch, 0.7f);
    ImGui::TableSetupColumn("peak heap", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableHeadersRow();
    for (const AllocatorCompareRow& r : view.allocators) {
        ImGui::TableNextRow();
        if (r.current) ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, with_alpha(palette.current, 0x40));
        ImGui::TableNextColumn();
        ImGui::Text("%s%s", r.allocator.c_str(), r.current ? " *" : "");
        if (r.failures > 0 && ImGui::IsItemHovered()) ImGui::SetTooltip("%llu allocations failed", static_cast<unsigned long long>(r.failures));
        ImGui::TableNextColumn();
        char text[32];
        std::snprintf(text, sizeof text, "%s", percent_text(r.utilisation).c_str());
        cell_bar(r.utilisation, r.current ? palette.current : palette.payload, text, palette);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(percent_text(r.external_fragmentation).c_str());
        ImGui::TableNextColumn();
        ImGui::Text("%.1f", r.searched_mean);
        ImGui::TableNextColumn();
        ImGui::Text("%llu", static_cast<unsigned long long>(r.peak_heap_size));
    }
    ImGui::EndTable();
}

// Checkboxes for every policy or allocator; true when the choice changed.
bool draw_choices(CompareKind kind, std::vector<std::string>& choices) {
    std::vector<std::string> all;
    if (kind == CompareKind::Policies) {
        for (const vm::PolicyKind p : vm::all_policies()) all.emplace_back(vm::policy_name(p));
    } else {
        for (const heap::AllocatorName& a : heap::allocator_names()) all.push_back(a.name);
    }
    bool changed = false;
    const bool open = ImGui::TreeNode(kind == CompareKind::Policies ? "Policies to compare" : "Allocators to compare");
    note_item("compare.choices");
    if (open) {
        // Flowing checkboxes: the next one goes on the same line while it fits.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
        for (std::size_t i = 0; i < all.size(); ++i) {
            const std::string& name = all[i];
            bool on = std::find(choices.begin(), choices.end(), name) != choices.end();
            if (ImGui::Checkbox(name.c_str(), &on)) {
                changed = true;
                std::erase(choices, name);
                if (on) choices.push_back(name);
            }
            note_item("compare.choice." + name);
            if (i + 1 == all.size()) break;
            const float next = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize(all[i + 1].c_str()).x;
            if (ImGui::GetItemRectMax().x + style.ItemSpacing.x + next < right) ImGui::SameLine();
        }
        ImGui::TreePop();
    }
    if (changed) {
        // Keep the rows in the list's order, whatever the clicking order.
        std::vector<std::string> ordered;
        for (const std::string& name : all) {
            if (std::find(choices.begin(), choices.end(), name) != choices.end()) ordered.push_back(name);
        }
        choices = std::move(ordered);
    }
    return changed;
}

}  // namespace

void draw_compare_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Compare", rect, context.place)) {
        const machine::Simulator* sim = context.controller.simulator();
        static CompareView view;
        static std::vector<std::string> choices;
        static std::uint64_t generation = 0;
        if (sim == nullptr) {
            ImGui::TextDisabled("Load a scenario to compare.");
        } else {
            static bool waiting = false;  // a big trace waits for the button
            bool rerun = generation != context.controller.generation();
            if (rerun) {
                choices = default_compare_choices(*sim);
                waiting = compare_work(*sim) > compare_work_without_asking;
                view = {};
                generation = context.controller.generation();
            }
            const CompareKind kind = compare_kind(*sim);
            if (kind != CompareKind::None && draw_choices(kind, choices)) rerun = true;
            if (waiting) {
                ImGui::TextWrapped("A long trace: each choice replays all of it.");
                rerun = ImGui::Button("Run the comparison");
                waiting = !rerun;
            }
            if (rerun && !waiting) {
                // Each choice replays the whole trace, so only when the run or the choice changes.
                view = make_compare_view(*sim, choices);
            }
            if (view.kind == CompareKind::Policies) draw_policy_table(view, context.palette);
            if (view.kind == CompareKind::Allocators) draw_allocator_table(view, context.palette);
            if (view.kind == CompareKind::None && !waiting) ImGui::TextDisabled("%s", view.why_not.c_str());
        }
    }
    ImGui::End();
}

}  // namespace memsim::ui
