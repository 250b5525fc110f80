#pragma once
// What a learner has done in the course, remembered between visits with the app's other
// settings (localStorage in the browser, imgui.ini on the desktop): the lessons finished
// (their last step reached) and whether the welcome was seen.
#include <set>
#include <string>
#include <string_view>

namespace memsim::ui {

struct CourseProgress {
    std::set<std::string> finished;  // built-in names of lessons whose last step was reached
    bool welcomed = false;           // the first-visit welcome was closed
};

// The finished lessons as one settings line value: "call-and-return,stack-vs-heap".
std::string finished_list(const CourseProgress& progress);
// Reads such a value back (unknown or malformed names are kept as text; they are harmless).
void read_finished_list(CourseProgress& progress, std::string_view list);

}  // namespace memsim::ui
