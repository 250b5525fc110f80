#pragma once
// The Statistics panel's experiment plots, each from the engine's own analysis:
//   - faults against frame count (vm::belady_sweep), Belady anomalies marked;
//   - the working-set size |W(t, delta)| over the trace (vm::working_set_sizes);
//   - the thrashing curve: CPU utilisation against the degree of multiprogramming
//     (vm::thrashing_curve), with and without load control.
// Drawn with axes, point markers and the current value marked (ImDrawList).
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

// One curve of an x-y plot.
struct PlotCurve {
    std::string name;
    std::vector<float> x, y;
    std::vector<std::size_t> marked;  // indices of points to flag (anomalies)
};

struct XyPlot {
    bool available = false;
    std::string why_not;
    std::string title, x_label, y_label;
    std::vector<PlotCurve> curves;
    float current_x = -1;  // a vertical line there (the scenario's frames, the current step); < 0: none
    float threshold_y = -1; // a horizontal dashed line (frames available); < 0: none
};

// Faults for 1..max frames with the scenario's policy (reference and address traces).
XyPlot make_sweep_plot(const machine::Simulator& simulator);

// |W(t, delta)| over the trace, sampled to at most `max_points` (reference and address traces).
XyPlot make_working_set_plot(const machine::Simulator& simulator, std::uint64_t delta, std::size_t max_points);

// The thrashing experiment's knobs in the Thrashing tab (the defaults are the engine's).
struct ThrashingChoice {
    int processes = 8;   // the most processes admitted (the curve's last degree)
    int pages = 16;      // working set of each process, in pages
    int frames = 64;     // frames shared by all of them
    bool operator==(const ThrashingChoice&) const = default;
};

// The thrashing experiment: CPU utilisation by degree of multiprogramming, with and
// without load control.
XyPlot make_thrashing_plot(const ThrashingChoice& choice = {});

// Draws the plot in `size` (width from the available region when size.x <= 0).
void draw_xy_plot(const XyPlot& plot, ImVec2 size, const Palette& palette);

}  // namespace memsim::ui
