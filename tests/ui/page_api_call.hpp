#pragma once
// Calls one verb of the page's JS API (ui/page_api.hpp) on a controller, as the page
// does, and reads the JSON answer.
#include <nlohmann/json.hpp>

#include "ui/page_api.hpp"

namespace memsim::ui::test {

inline nlohmann::json call(Controller& c, const char* verb, const nlohmann::json& arg = nullptr) {
    return nlohmann::json::parse(api_call(c, verb, arg.dump()));
}

}  // namespace memsim::ui::test
