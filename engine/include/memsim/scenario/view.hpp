#pragma once
// Which panels a scenario is about, so a lesson shows what it teaches and nothing else:
//
//   [view]
//   panels = ["source", "stack", "events"]   # the panels to show (the rest stay one click away)
//   large = "stack"                          # the panel that gets the most room
//   vm_tab = "tables"                        # the Virtual memory panel opens on: frames,
//                                            # translation, tables or pages
//
// Without [view] the app picks panels by the body's kind (see the app's layout rules).
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "memsim/core/result.hpp"

namespace memsim::scenario {

struct ViewParts {
    std::vector<std::string> panels{};  // empty: the app's defaults for the kind
    std::string large{};              // "" or one of panel_names()
    std::string vm_tab{};             // "" (frames) or one of vm_tab_names()
};

// The Virtual memory panel's tabs [view] vm_tab may open on.
const std::vector<std::string>& vm_tab_names();

// The panel names [view] accepts: source, stack, heap, vm, diagram, events, console,
// compare, statistics.
const std::vector<std::string>& panel_names();

// Reads [view]; unknown names are errors with line and column (and a suggestion).
ViewParts read_view_parts(const toml::table& front_matter, int line_offset, std::vector<Error>& errors);

}  // namespace memsim::scenario
