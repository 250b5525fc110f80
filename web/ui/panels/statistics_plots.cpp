#include "ui/panels/statistics_plots.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "memsim/vm/sweep.hpp"
#include "memsim/vm/thrashing.hpp"
#include "memsim/vm/working_set.hpp"

namespace memsim::ui {

XyPlot make_sweep_plot(const machine::Simulator& simulator) {
    XyPlot plot;
    const auto* refs = std::get_if<machine::ReferenceSession>(&simulator.session());
    if (refs == nullptr) {
        plot.why_not = "The frame-count sweep needs a reference string or an address trace.";
        return plot;
    }
    const vm::PagerConfig& config = refs->pager().config();
    const auto pages = static_cast<std::uint32_t>(refs->trace().dense.pages.size());
    // Up to every page resident (no more faults than the first touches), at least twice
    // the scenario's frames; capped so a huge trace stays a quick sweep.
    std::uint32_t max_frames = std::clamp<std::uint32_t>(std::max(pages, config.frames * 2), 2, 64);
    // A long trace sweeps fewer frame counts: at most about 20 million references in all.
    const std::uint64_t references = std::max<std::uint64_t>(refs->trace().dense.ids.size(), 1);
    max_frames = static_cast<std::uint32_t>(std::clamp<std::uint64_t>(20'000'000 / references, 2, max_frames));
    const auto sweep = vm::belady_sweep(config.policy, refs->trace().dense, 1, max_frames);
    if (!sweep) {
        plot.why_not = sweep.error().message;
        return plot;
    }
    plot.available = true;
    plot.title = "page faults against frames (" + std::string(vm::policy_name(config.policy.kind)) + ")";
    plot.x_label = "frames";
    plot.y_label = "faults";
    PlotCurve curve{.name = "faults", .x = {}, .y = {}, .marked = {}};
    for (const vm::SweepPoint& p : sweep->points) {
        if (std::find(sweep->anomalies.begin(), sweep->anomalies.end(), p.frames) != sweep->anomalies.end()) {
            curve.marked.push_back(curve.x.size());
        }
        curve.x.push_back(static_cast<float>(p.frames));
        curve.y.push_back(static_cast<float>(p.faults));
    }
    plot.curves.push_back(std::move(curve));
    plot.current_x = static_cast<float>(config.frames);
    return plot;
}

XyPlot make_working_set_plot(const machine::Simulator& simulator, std::uint64_t delta, std::size_t max_points) {
    XyPlot plot;
    const auto* refs = std::get_if<machine::ReferenceSession>(&simulator.session());
    if (refs == nullptr) {
        plot.why_not = "The working set is measured on a reference string or an address trace.";
        return plot;
    }
    const vm::DenseTrace& dense = refs->trace().dense;
    const auto sizes = vm::working_set_sizes(dense.ids, delta, static_cast<std::uint32_t>(dense.pages.size()));
    if (sizes.empty()) {
        plot.why_not = "The trace is empty.";
        return plot;
    }
    plot.available = true;
    plot.title = "working-set size |W(t, " + std::to_string(delta) + ")|";
    plot.x_label = "reference";
    plot.y_label = "pages";
    PlotCurve curve{.name = "|W|", .x = {}, .y = {}, .marked = {}};
    // Evenly spaced samples keep each point's true value (no averaging hides a peak of a
    // short trace; a long one is a line anyway).
    const std::size_t n = sizes.size();
    const std::size_t count = std::min(n, std::max<std::size_t>(max_points, 2));
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = count == 1 ? 0 : i * (n - 1) / (count - 1);
        curve.x.push_back(static_cast<float>(at + 1));
        curve.y.push_back(static_cast<float>(sizes[at]));
    }
    plot.curves.push_back(std::move(curve));
    plot.current_x = static_cast<float>(refs->cursor());
    plot.threshold_y = static_cast<float>(refs->pager().config().frames);
    return plot;
}

XyPlot make_thrashing_plot(const ThrashingChoice& choice) {
    XyPlot plot;
    plot.title = "CPU utilisation against processes (" + std::to_string(choice.processes) + " x " +
                 std::to_string(choice.pages) + "-page working sets, " + std::to_string(choice.frames) + " frames)";
    plot.x_label = "processes";
    plot.y_label = "CPU %";
    for (const bool control : {false, true}) {
        vm::ThrashConfig config;
        config.working_sets.assign(static_cast<std::size_t>(std::max(choice.processes, 0)),
                                   static_cast<std::uint32_t>(std::max(choice.pages, 0)));
        config.frames = static_cast<std::uint32_t>(std::max(choice.frames, 0));
        config.load_control = control;
        const auto points = vm::thrashing_curve(config);
        if (!points) {
            plot.why_not = points.error().message;
            return plot;
        }
        PlotCurve curve{.name = control ? "with load control" : "without", .x = {}, .y = {}, .marked = {}};
        for (const vm::ThrashPoint& p : *points) {
            curve.x.push_back(static_cast<float>(p.degree));
            curve.y.push_back(static_cast<float>(p.cpu_utilization * 100.0));
            // Where the working sets no longer fit: the thrashing side of the curve.
            if (!control && p.working_set_total > config.frames) curve.marked.push_back(curve.x.size() - 1);
        }
        plot.curves.push_back(std::move(curve));
    }
    plot.available = true;
    return plot;
}

namespace {

// A short number for an axis: "12", "1.5k", "2.3M".
std::string axis_number(float v) {
    char text[24];
    const double d = static_cast<double>(v);
    if (std::fabs(d) >= 1e6) {
        std::snprintf(text, sizeof text, "%.1fM", d / 1e6);
    } else if (std::fabs(d) >= 1e4) {
        std::snprintf(text, sizeof text, "%.0fk", d / 1e3);
    } else {
        std::snprintf(text, sizeof text, "%.0f", d);
    }
    return text;
}

}  // namespace

void draw_xy_plot(const XyPlot& plot, ImVec2 size, const Palette& palette) {
    if (!plot.available) {
        ImGui::TextDisabled("%s", plot.why_not.c_str());
        return;
    }
    ImGui::TextUnformatted(plot.title.c_str());
    const ImU32 colours[] = {palette.payload, palette.free, palette.mapped};
    if (plot.curves.size() > 1) {
        for (std::size_t c = 0; c < plot.curves.size(); ++c) legend_item(colours[c % 3], plot.curves[c].name.c_str());
        ImGui::NewLine();
    }
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    float x_min = 1e30f, x_max = -1e30f, y_max = 0;
    for (const PlotCurve& c : plot.curves) {
        for (std::size_t i = 0; i < c.x.size(); ++i) {
            x_min = std::min(x_min, c.x[i]);
            x_max = std::max(x_max, c.x[i]);
            y_max = std::max(y_max, c.y[i]);
        }
    }
    if (x_min > x_max) return;
    y_max = std::max({y_max * 1.08f, plot.threshold_y * 1.08f, 1.0f});
    if (x_max == x_min) x_max = x_min + 1;
    const float font = ImGui::GetFontSize();
    const float left = p.x + ImGui::CalcTextSize(axis_number(y_max).c_str()).x + font * 0.5f;
    const float bottom = p.y + size.y - font * 1.2f;
    const float right = p.x + size.x - font * 0.5f;
    const float top = p.y + font * 0.3f;
    const auto sx = [&](float x) { return left + (x - x_min) / (x_max - x_min) * (right - left); };
    const auto sy = [&](float y) { return bottom - y / y_max * (bottom - top); };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImU32 axis = palette.muted;
    draw->AddLine(ImVec2(left, top), ImVec2(left, bottom), axis);
    draw->AddLine(ImVec2(left, bottom), ImVec2(right, bottom), axis);
    // Ticks: 0 and the top on y; the ends on x, with the axis names.
    draw->AddText(ImVec2(p.x, bottom - font * 0.5f), axis, "0");
    draw->AddText(ImVec2(p.x, top), axis, axis_number(y_max / 1.08f).c_str());
    draw->AddText(ImVec2(left, bottom + 1), axis, axis_number(x_min).c_str());
    const std::string x_end = axis_number(x_max);
    draw->AddText(ImVec2(right - ImGui::CalcTextSize(x_end.c_str()).x, bottom + 1), axis, x_end.c_str());
    const std::string label = plot.x_label + " / " + plot.y_label;
    draw->AddText(ImVec2((left + right - ImGui::CalcTextSize(label.c_str()).x) * 0.5f, bottom + 1), axis, label.c_str());
    if (plot.threshold_y >= 0) {
        const float y = sy(plot.threshold_y);
        for (float x = left; x < right; x += 8) draw->AddLine(ImVec2(x, y), ImVec2(std::min(x + 4, right), y), palette.guard);
        draw->AddText(ImVec2(right - font * 4, y - font), palette.guard, "frames");
    }
    if (plot.current_x >= x_min && plot.current_x <= x_max) {
        const float x = sx(plot.current_x);
        draw->AddLine(ImVec2(x, top), ImVec2(x, bottom), palette.current, 2.0f);
    }
    const bool dots = std::all_of(plot.curves.begin(), plot.curves.end(),
                                  [&](const PlotCurve& c) { return static_cast<float>(c.x.size()) * 6 < right - left; });
    for (std::size_t c = 0; c < plot.curves.size(); ++c) {
        const PlotCurve& curve = plot.curves[c];
        const ImU32 colour = colours[c % 3];
        for (std::size_t i = 1; i < curve.x.size(); ++i) {
            draw->AddLine(ImVec2(sx(curve.x[i - 1]), sy(curve.y[i - 1])), ImVec2(sx(curve.x[i]), sy(curve.y[i])), colour, 2.0f);
        }
        if (dots) {
            for (std::size_t i = 0; i < curve.x.size(); ++i) draw->AddCircleFilled(ImVec2(sx(curve.x[i]), sy(curve.y[i])), 3.0f, colour);
        }
        for (const std::size_t i : curve.marked) {
            // A ring in the error colour: an anomaly, or the thrashing side of the curve.
            draw->AddCircle(ImVec2(sx(curve.x[i]), sy(curve.y[i])), 6.0f, palette.guard, 12, 2.0f);
        }
    }
    // Hover: the nearest point of the first curve.
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    if (ImGui::IsItemHovered() && !plot.curves.empty() && !plot.curves[0].x.empty()) {
        const PlotCurve& curve = plot.curves[0];
        std::size_t best = 0;
        for (std::size_t i = 1; i < curve.x.size(); ++i) {
            if (std::fabs(sx(curve.x[i]) - mouse.x) < std::fabs(sx(curve.x[best]) - mouse.x)) best = i;
        }
        ImGui::SetTooltip("%s %s: %s %s%s", plot.x_label.c_str(), axis_number(curve.x[best]).c_str(), axis_number(curve.y[best]).c_str(),
                          plot.y_label.c_str(),
                          std::find(curve.marked.begin(), curve.marked.end(), best) != curve.marked.end() ? "  (marked)" : "");
    }
}

}  // namespace memsim::ui
