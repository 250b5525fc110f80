#pragma once
// Controls and timeline: the scenario picker, play/pause, step, step back, run to end,
// reset, speed and a scrubber over all steps (keys: Space, Right, Left, Home, End).
#include <cstdint>
#include <string>

#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct ControlsView {
    bool loaded = false;
    std::uint64_t step = 0, total = 0;
    bool can_back = false, can_step = false, playing = false;
    double speed = 2.0;
    std::string title, summary;
    std::string scenario_name;  // built-in name, or "(edited)" / "(none)"
};

ControlsView make_controls_view(const Controller& controller);

// The strip's height for the current font and style; `compact` (a phone) has a row of
// large step buttons and the timeline on a row of its own.
float controls_height(bool compact = false);

// Applies the keyboard shortcuts (when no text field has the keyboard): the number keys
// and S answer a waiting question; Space, the arrows, Home, End, PageDown and PageUp play
// and step only when `stepping_keys` (not while ImGui's navigation has them; ui/keyboard_nav.hpp).
void handle_control_keys(Controller& controller, bool stepping_keys);

void draw_controls_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
