#include "ui/panels/statistics_panel.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "ui/percent.hpp"
#include "ui/panels/statistics_plots.hpp"
#include "ui/widget_rects.hpp"

namespace memsim::ui {
namespace {

enum Measure : std::size_t { Faults, TlbHitRate, HeapSize, LivePayload, Fragmentation, StackUsed, MeasureCount };
constexpr const char* measure_names[MeasureCount] = {"page faults so far", "TLB hit rate (%)", "heap size (bytes)",
                                                     "live payload (bytes)", "external fragmentation (%)",
                                                     "stack in use (bytes)"};

std::array<float, MeasureCount> measure(const machine::Snapshot& snap) {
    std::array<float, MeasureCount> m{};
    if (snap.vm) {
        m[Faults] = static_cast<float>(snap.vm->faults);
        const std::uint64_t lookups = snap.vm->tlb_hits + snap.vm->tlb_misses;
        m[TlbHitRate] = lookups ? 100.0f * static_cast<float>(snap.vm->tlb_hits) / static_cast<float>(lookups) : 0.0f;
    }
    for (const machine::ProcessView& p : snap.processes) {
        m[HeapSize] += static_cast<float>(p.heap.heap_size);
        m[LivePayload] += static_cast<float>(p.heap.live_payload);
        // 1 - largest free block / all free bytes (the current process's heap dominates).
        if (p.heap.free_bytes > 0) {
            m[Fragmentation] = std::max(m[Fragmentation], 100.0f * (1.0f - static_cast<float>(p.heap.largest_free) /
                                                                            static_cast<float>(p.heap.free_bytes)));
        }
        m[StackUsed] += static_cast<float>(p.stack_top - p.stack_pointer);
    }
    return m;
}

}  // namespace

StatisticsView make_statistics(const machine::Simulator& simulator, std::size_t max_samples) {
    StatisticsView view;
    const std::uint64_t total = simulator.total_steps();
    const std::uint64_t samples = std::max<std::uint64_t>(std::min<std::uint64_t>(total + 1, max_samples), 2);
    machine::Simulator replay = simulator;
    std::array<Series, MeasureCount> all;
    for (std::uint64_t i = 0; i < samples; ++i) {
        const std::uint64_t step = total * i / (samples - 1);
        if (!view.steps.empty() && view.steps.back() == step) continue;
        // Stepping on from the previous sample is cheaper than a seek when samples are close.
        if (step == replay.step() + 1) {
            replay.step_forward(1);
        } else {
            replay.seek(step);
        }
        view.steps.push_back(step);
        const auto m = measure(replay.snapshot());
        for (std::size_t k = 0; k < MeasureCount; ++k) all[k].values.push_back(m[k]);
    }
    for (std::size_t k = 0; k < MeasureCount; ++k) {
        Series& s = all[k];
        const auto [low, high] = std::minmax_element(s.values.begin(), s.values.end());
        if (s.values.empty() || *low == *high) continue;
        s.name = measure_names[k];
        s.max = *high;
        view.series.push_back(std::move(s));
    }
    return view;
}

namespace {

void draw_over_time(PanelContext& context);

// The experiment tabs: the frame sweep and the working set (traces), the thrashing curve.
void draw_experiments(PanelContext& context) {
    const Controller& controller = context.controller;
    const machine::Simulator* sim = controller.simulator();
    static std::uint64_t generation = ~0ull;
    static XyPlot sweep, working_set;
    static int delta = 10;
    static int plotted_delta = 0;
    const bool fresh = sim != nullptr && generation != controller.generation();
    if (fresh) {
        sweep = make_sweep_plot(*sim);
        generation = controller.generation();
    }
    if (sim != nullptr && (fresh || plotted_delta != delta)) {
        working_set = make_working_set_plot(*sim, static_cast<std::uint64_t>(delta), 600);
        plotted_delta = delta;
    }
    // The current reference moves with the step; the sampled curve does not.
    if (const auto* refs = sim ? std::get_if<machine::ReferenceSession>(&sim->session()) : nullptr) {
        working_set.current_x = static_cast<float>(refs->cursor());
    }
    const float plot_height = std::max(ImGui::GetContentRegionAvail().y - ImGui::GetTextLineHeightWithSpacing() * 2.5f,
                                       ImGui::GetTextLineHeight() * 5.0f);
    const bool open_frames = ImGui::BeginTabItem("Frames");
    note_item("statistics.tab.Frames");
    if (open_frames) {
        draw_xy_plot(sweep, ImVec2(0, plot_height), context.palette);
        if (sweep.available) ImGui::TextDisabled("orange line: this scenario's frames; red rings: Belady's anomaly");
        ImGui::EndTabItem();
    }
    const bool open_working_set = ImGui::BeginTabItem("Working set");
    note_item("statistics.tab.Working set");
    if (open_working_set) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8.0f);
        ImGui::SliderInt("window (delta)", &delta, 1, 200, "%d refs", ImGuiSliderFlags_Logarithmic);
        draw_xy_plot(working_set, ImVec2(0, plot_height - ImGui::GetFrameHeightWithSpacing()), context.palette);
        ImGui::EndTabItem();
    }
    const bool open_thrashing = ImGui::BeginTabItem("Thrashing");
    note_item("statistics.tab.Thrashing");
    if (open_thrashing) {
        // Recomputed when a knob is let go, not while it is dragged (one curve is a few
        // million simulated references).
        static ThrashingChoice choice, computed;
        static XyPlot thrashing;
        if (!thrashing.available && thrashing.why_not.empty()) thrashing = make_thrashing_plot(choice);
        bool released = false;
        const auto knob = [&](const char* label, int* value, int low, int high) {
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 4.5f);
            ImGui::SliderInt(label, value, low, high, "%d", ImGuiSliderFlags_AlwaysClamp);
            note_item((std::string("statistics.thrashing.") + label).c_str());
            released |= ImGui::IsItemDeactivatedAfterEdit();
        };
        knob("processes", &choice.processes, 2, 12);
        ImGui::SameLine();
        knob("pages each", &choice.pages, 2, 64);
        ImGui::SameLine();
        knob("frames", &choice.frames, 4, 256);
        if (released && !(choice == computed)) {
            thrashing = make_thrashing_plot(choice);
            computed = choice;
        }
        draw_xy_plot(thrashing, ImVec2(0, plot_height - ImGui::GetFrameHeightWithSpacing()), context.palette);
        ImGui::TextDisabled("red rings: the working sets no longer fit in memory");
        ImGui::EndTabItem();
    }
}

}  // namespace

void draw_statistics_panel(const Rect& rect, PanelContext& context) {
    if (begin_panel("Statistics", rect, context.place)) {
        if (ImGui::BeginTabBar("##statistics")) {
            const bool open_over_time = ImGui::BeginTabItem("Over time");
            note_item("statistics.tab.Over time");
            if (open_over_time) {
                draw_over_time(context);
                ImGui::EndTabItem();
            }
            draw_experiments(context);
            ImGui::EndTabBar();
        }
    }
    ImGui::End();
}

namespace {

void draw_over_time(PanelContext& context) {
    {
        static StatisticsView view;
        static std::uint64_t generation = 0;
        const Controller& controller = context.controller;
        if (controller.simulator() != nullptr && generation != controller.generation()) {
            // Long runs get fewer samples: each costs a seek (a checkpoint copy and a replay).
            view = make_statistics(*controller.simulator(), controller.total_steps() > 20000 ? 150 : 600);
            generation = controller.generation();
        }
        if (view.series.empty()) {
            ImGui::TextDisabled("Nothing changes over this run yet.");
        }
        const auto at = std::upper_bound(view.steps.begin(), view.steps.end(), controller.step());
        const auto index = static_cast<std::size_t>(std::max<std::ptrdiff_t>(at - view.steps.begin() - 1, 0));
        const float height = std::max(ImGui::GetTextLineHeight() * 2.5f,
                                      (ImGui::GetContentRegionAvail().y / static_cast<float>(std::max<std::size_t>(view.series.size(), 1))) -
                                          ImGui::GetTextLineHeightWithSpacing() - ImGui::GetStyle().ItemSpacing.y * 2);
        for (const Series& s : view.series) {
            const float now = index < s.values.size() ? s.values[index] : 0.0f;
            if (s.name.find("(%)") != std::string::npos) {  // a rate: never rounded to 0% or 100%
                ImGui::Text("%s: %s (max %s)", s.name.c_str(), percent_text(static_cast<double>(now) / 100.0).c_str(),
                            percent_text(static_cast<double>(s.max) / 100.0).c_str());
            } else {
                ImGui::Text("%s: %.0f (max %.0f)", s.name.c_str(), static_cast<double>(now), static_cast<double>(s.max));
            }
            const ImVec2 origin = ImGui::GetCursorScreenPos();
            const float width = ImGui::GetContentRegionAvail().x;
            ImGui::PlotLines(("##" + s.name).c_str(), s.values.data(), static_cast<int>(s.values.size()), 0, nullptr, 0.0f,
                             s.max * 1.05f, ImVec2(width, height));
            // The current step as a vertical line.
            if (s.values.size() > 1) {
                const float x = origin.x + width * static_cast<float>(index) / static_cast<float>(s.values.size() - 1);
                ImGui::GetWindowDrawList()->AddLine(ImVec2(x, origin.y), ImVec2(x, origin.y + height), context.palette.current, 2.0f);
            }
        }
    }
}

}  // namespace

}  // namespace memsim::ui
