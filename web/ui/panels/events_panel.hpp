#pragma once
// Events: what the recent steps did, in plain words, newest first; learner errors
// stand out; clicking an event seeks to its step.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/event.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct EventRow {
    std::uint64_t step = 0;
    int line = 0;
    std::string source;  // "stack", "heap", "vm", ...
    std::string kind;
    std::string text;
    bool is_error = false;
    bool current = false;  // from the current step
};

struct EventsView {
    std::vector<EventRow> rows;  // newest first
    std::size_t errors = 0;
};

EventsView make_events_view(const std::vector<machine::Event>& events, std::uint64_t current_step);

void draw_events_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
