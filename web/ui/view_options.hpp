#pragma once
// How a page that embeds the app wants it shown (URL parameters ?embed=1&panels=stack,heap
// or memsim.view({...})): without the menu bar and status line in an iframe, and with
// only the panels a lesson needs. The scenario still decides which machine panels have
// content; these choices only take panels away.
#include <optional>
#include <string>
#include <string_view>

#include "ui/layout.hpp"

namespace memsim::ui {

struct ViewOptions {
    bool embed = false;    // = false // true: no menu bar or status line (compact, for an iframe)
    ShownPanels panels;    // = all   // the panels the page asked for
    bool welcome = false;  // a plain first visit: greet the learner once (the platform decides)
};

// Parses a comma-separated panel list ("stack,heap", "vm,events"): names source, stack,
// heap, vm (or virtual-memory), events, statistics (or stats), console, compare, diagram. Nothing on an unknown
// name or an empty list; `bad` then holds the offending name.
std::optional<ShownPanels> parse_panel_list(std::string_view list, std::string& bad);

// The flag for one panel name as parse_panel_list reads it, or nullptr.
bool* panel_flag(ShownPanels& panels, std::string_view name);

// The list back as text, in the order above.
std::string panel_list(const ShownPanels& panels);

}  // namespace memsim::ui
