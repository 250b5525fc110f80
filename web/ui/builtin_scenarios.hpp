#pragma once
// The scenarios of `scenarios/*.msim`, embedded into the app at build time (see
// web/CMakeLists.txt), so the picker and memsim.loadBuiltin(name) need no files.
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace memsim::ui {

struct BuiltinScenario {
    const char* name;  // the file name without .msim: "belady-fifo"
    const char* text;  // the whole file
};

// Every built-in scenario, sorted by name.
std::span<const BuiltinScenario> builtin_scenarios();

// The scenario called `name`, or nullptr.
const BuiltinScenario* find_builtin(std::string_view name);

// A built-in that is a lesson of the course (its front matter has [course] order = N).
struct CourseLesson {
    const char* name;   // the built-in's name
    int order;          // its place in the course
    std::string label;  // "9. Belady's anomaly with FIFO"
};

// The course: every lesson among the built-ins, by order, then by name.
const std::vector<CourseLesson>& course();

// The lesson the app opens on.
inline constexpr const char* default_builtin = "call-and-return";  // lesson 1

}  // namespace memsim::ui
