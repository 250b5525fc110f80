#pragma once
// File > OSTEP homework: pick a script, type its flags, open the problem as a scenario
// (the same text `memsim ostep SCRIPT ARGS --scenario` writes, questions in quiz mode).
#include <string>
#include <string_view>

#include "ui/controller.hpp"

namespace memsim::ui {

// The menu's typed state, kept by the App between frames.
struct OstepMenu {
    int script = 0;            // index into ostep::script_names()
    std::string flags{};       // the typed flags ("-s 3 -p LRU")
    std::string error{};       // why the last open failed, shown under the box
};

// Loads `script flags` into the controller; returns "" or what went wrong, in plain words.
std::string open_ostep_problem(Controller& controller, std::string_view script, std::string_view flags);

// Draws the submenu (inside an open File menu).
void draw_ostep_menu(Controller& controller, OstepMenu& menu);

}  // namespace memsim::ui
