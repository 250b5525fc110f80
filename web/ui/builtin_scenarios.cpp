#include "ui/builtin_scenarios.hpp"

namespace memsim::ui {

const BuiltinScenario* find_builtin(std::string_view name) {
    for (const BuiltinScenario& s : builtin_scenarios()) {
        if (name == s.name) return &s;
    }
    return nullptr;
}

}  // namespace memsim::ui
