#pragma once
// Statistics: how the run develops over its steps, as plots with the current step
// marked: page faults so far, TLB hit rate, heap size and live payload, stack use.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

// One value per sampled step.
struct Series {
    std::string name;
    std::vector<float> values;
    float max = 0;
};

struct StatisticsView {
    std::vector<std::uint64_t> steps;  // the sampled steps, ascending, first 0, last the end
    std::vector<Series> series;        // only series that change over the run
};

// Replays a copy of the run and samples at most `max_samples` steps evenly.
StatisticsView make_statistics(const machine::Simulator& simulator, std::size_t max_samples);

void draw_statistics_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
