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
    const bool others = shown.console || shown.compare;
    // The panel a scenario is about ([view] large) takes a bigger share of its row.
    const bool large_source = shown.large == "source", large_stack = shown.large == "stack",
               large_heap = shown.large == "heap", large_vm = shown.large == "vm",
               large_diagram = shown.large == "diagram", large_lower = shown.large == "events" || shown.large == "statistics" ||
                                                                   shown.large == "console" || shown.large == "compare";
    const float source_width = !shown.source ? 0.0f : (shown.stack || shown.heap || shown.virtual_memory || shown.events || shown.statistics || others) ? w * (shown.wide_source ? 0.45f : large_source ? 0.32f : 0.22f) : w;
    // With the memory diagram beside it, the byte-accurate stack gives up some width.
    const float stack_share = large_stack ? 0.40f : shown.diagram ? 0.21f : 0.25f;
    const float stack_width = !shown.stack ? 0.0f : (shown.heap || shown.virtual_memory || shown.events || shown.statistics || others || shown.diagram) ? w * stack_share : w - source_width;
    const float right_x = source_width + stack_width;
    const float right_width = w - right_x;
    const bool upper = shown.heap || shown.virtual_memory || shown.diagram,
               lower = shown.events || shown.statistics || shown.console || shown.compare;
    // A C program's Heap alone beside the diagram is a narrow column whose gauges and
    // legend wrap: a taller upper row leaves its block table rows to read.
    const bool narrow_heap = shown.diagram && shown.heap && !shown.virtual_memory;
    const float upper_height = !upper ? 0.0f : lower ? h * (large_lower ? 0.42f : large_heap || large_vm || large_diagram || narrow_heap ? 0.68f : 0.60f) : h;
    const float diagram_width = !shown.diagram ? 0.0f : (shown.heap || shown.virtual_memory) ? right_width * (large_diagram ? 0.78f : large_heap || large_vm ? 0.42f : 0.64f) : right_width;
    const float side_x = right_x + diagram_width, side_width = right_width - diagram_width;
    const float heap_width = !shown.heap ? 0.0f : (shown.virtual_memory && !shown.diagram) ? side_width * (large_heap ? 0.7f : large_vm ? 0.3f : 0.5f) : side_width;

    PanelLayout layout;
    layout.controls = {0, top, w, strip};
    const float lesson_height = shown.source && shown.lesson ? h * 0.40f : 0.0f;
    layout.source = {0, y, source_width, shown.source ? h - lesson_height : 0.0f};
    layout.lesson = {0, y + h - lesson_height, source_width, lesson_height};
    layout.stack = {source_width, y, stack_width, shown.stack ? h : 0.0f};
    layout.diagram = {right_x, y, diagram_width, shown.diagram ? upper_height : 0.0f};
    if (shown.diagram) {
        // Heap above Virtual memory beside the diagram.
        const float heap_height = !shown.heap ? 0.0f : shown.virtual_memory ? upper_height * (large_heap ? 0.72f : large_vm ? 0.28f : 0.5f) : upper_height;
        layout.heap = {side_x, y, heap_width, heap_height};
        layout.virtual_memory = {side_x, y + heap_height, side_width, shown.virtual_memory ? upper_height - heap_height : 0.0f};
    } else {
        layout.heap = {side_x, y, heap_width, shown.heap ? upper_height : 0.0f};
        layout.virtual_memory = {side_x + heap_width, y, side_width - heap_width, shown.virtual_memory ? upper_height : 0.0f};
    }
    // The lower row: events, then the optional panels, then statistics, by weight.
    const float events_weight = shown.events ? (others ? 1.0f : 0.64f) : 0.0f;
    const float extra_weight = 0.8f;
    const float statistics_weight = shown.statistics ? (others ? 0.95f : 0.36f) : 0.0f;
    const float total_weight = events_weight + (shown.console ? extra_weight : 0.0f) + (shown.compare ? extra_weight : 0.0f) +
                               statistics_weight;
    const float lower_height = lower ? h - upper_height : 0.0f;
    const float lower_y = y + upper_height;
    float x = right_x;
    const auto place = [&](Rect& rect, bool on, float weight) {
        if (!on) {
            rect = {x, lower_y, 0.0f, 0.0f};
            return;
        }
        const float width = total_weight > 0 ? right_width * weight / total_weight : 0.0f;
        rect = {x, lower_y, width, lower_height};
        x += width;
    };
    place(layout.events, shown.events, events_weight);
    place(layout.console, shown.console, extra_weight);
    place(layout.compare, shown.compare, extra_weight);
    place(layout.statistics, shown.statistics, statistics_weight);
    if (shown.statistics) layout.statistics.width = right_x + right_width - layout.statistics.x;  // no rounding gap
    return layout;
}

}  // namespace memsim::ui
