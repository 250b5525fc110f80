#include "ui/layout.hpp"

#include <algorithm>

namespace memsim::ui {

PanelLayout compute_layout(float display_width, float display_height, float top, float bottom) {
    const float w = std::max(display_width, 0.0f);
    const float h = std::max(display_height - top - bottom, 0.0f);
    const float stack_width = w * 0.26f;
    const float right_width = w - stack_width;
    const float upper_height = h * 0.62f;
    const float heap_width = right_width * 0.5f;

    PanelLayout layout;
    layout.stack = {0, top, stack_width, h};
    layout.heap = {stack_width, top, heap_width, upper_height};
    layout.virtual_memory = {stack_width + heap_width, top, right_width - heap_width, upper_height};
    layout.events = {stack_width, top + upper_height, right_width, h - upper_height};
    return layout;
}

}  // namespace memsim::ui
