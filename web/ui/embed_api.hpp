#pragma once
// The JS API verbs that concern the app around the simulation (web/ui/page_api.hpp has
// the simulation's own): how the page shows it, playing, the editor's unsaved text and
// the whole run as a table for export. Same JSON in, JSON out convention.
//
//   embed_api_call(app, "view", "{\"embed\":true,\"panels\":\"stack,heap\",\"theme\":\"light\"}")
//   embed_api_call(app, "play", "{\"speed\":4}")   -> {"ok":true,"playing":true,"speed":4}
//   embed_api_call(app, "pause", "null")
//   embed_api_call(app, "speed", "8")              -> {"ok":true,"speed":8} (does not start playing)
//   embed_api_call(app, "source", "null")          -> {"text":"...","builtin":"belady-fifo","title":"...","hasErrors":false}
//   embed_api_call(app, "draft", "null")           -> {"editing":true,"text":"...","revision":7}
//   embed_api_call(app, "runTable", "{\"limit\":1000}") -> {"ok":true,"columns":[...],"rows":[[...]],"truncated":false}
//
// Returns nothing for any other verb, so the caller can hand it to api_call().
#include <optional>
#include <string>
#include <string_view>

#include "ui/app.hpp"

namespace memsim::ui {

// Rows that runTable() gives at most (a larger run is cut, and says so).
inline constexpr std::uint64_t run_table_max_rows = 100000;

std::optional<std::string> embed_api_call(App& app, std::string_view verb, const std::string& argument_json);

}  // namespace memsim::ui
