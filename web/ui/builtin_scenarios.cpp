#include "ui/builtin_scenarios.hpp"

#include <algorithm>

#include "memsim/scenario/scenario.hpp"

namespace memsim::ui {

const BuiltinScenario* find_builtin(std::string_view name) {
    for (const BuiltinScenario& s : builtin_scenarios()) {
        if (name == s.name) return &s;
    }
    return nullptr;
}

const std::vector<CourseLesson>& course() {
    static const std::vector<CourseLesson> lessons = [] {
        std::vector<CourseLesson> list;
        for (const BuiltinScenario& s : builtin_scenarios()) {
            const auto parsed = scenario::parse_scenario(s.text);
            if (!parsed || parsed->teaching.order == 0) continue;
            list.push_back(CourseLesson{s.name, parsed->teaching.order,
                                        std::to_string(parsed->teaching.order) + ". " + parsed->title});
        }
        std::stable_sort(list.begin(), list.end(), [](const CourseLesson& a, const CourseLesson& b) { return a.order < b.order; });
        return list;
    }();
    return lessons;
}

}  // namespace memsim::ui
