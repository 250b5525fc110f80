#include "ui/layout.hpp"

#include <algorithm>

namespace memsim::ui {

PanelLayout compute_layout(float display_width, float display_height, float top, float bottom,
                           float controls_height, ShownPanels shown) {
    const float w = std::max(display_width, 0.0f);
    const float all = std::max(display_height - top - bottom, 0.0f);
    const float strip = std::min(std::max(controls_height, 0.0f), all);
    const float h = all - strip;
    const float y = top + strip;
    const float source_width = w * 0.22f;
    const float stack_width = shown.stack ? w * 0.25f : 0.0f;
    const float right_x = source_width + stack_width;
    const float right_width = w - right_x;
    const float upper_height = h * 0.60f;
    const float heap_width = !shown.heap ? 0.0f : shown.virtual_memory ? right_width * 0.5f : right_width;

    PanelLayout layout;
    layout.controls = {0, top, w, strip};
    layout.source = {0, y, source_width, h};
    layout.stack = {source_width, y, stack_width, shown.stack ? h : 0.0f};
    layout.heap = {right_x, y, heap_width, shown.heap ? upper_height : 0.0f};
    layout.virtual_memory = {right_x + heap_width, y, right_width - heap_width, shown.virtual_memory ? upper_height : 0.0f};
    // The lower row: events, then the optional panels, then statistics.
    const float lower_y = y + upper_height, lower_h = h - upper_height;
    const int extras = (shown.console ? 1 : 0) + (shown.compare ? 1 : 0);
    const float statistics_width = right_width * (extras == 2 ? 0.26f : 0.36f);
    const float extra_width = right_width * (extras == 2 ? 0.24f : 0.30f);
    const float events_width = right_width - statistics_width - extra_width * static_cast<float>(extras);
    layout.events = {right_x, lower_y, events_width, lower_h};
    float x = right_x + events_width;
    if (shown.console) {
        layout.console = {x, lower_y, extra_width, lower_h};
        x += extra_width;
    }
    if (shown.compare) {
        layout.compare = {x, lower_y, extra_width, lower_h};
        x += extra_width;
    }
    layout.statistics = {x, lower_y, right_width - (x - right_x), lower_h};
    return layout;
}

}  // namespace memsim::ui
