#pragma once
// The page's JS API (window.memsim) on the C++ side: one call per verb, JSON in and JSON
// out, so the browser binding (platform/web_exports.cpp) is a single exported function
// and the whole protocol is unit-tested natively. The desktop uses it for --state.
//
//   api_call(controller, "load", "\"+++\\n...\"")   -> {"ok":true}
//   api_call(controller, "step", "3")               -> {"ok":true,"step":3,"totalSteps":15}
//   api_call(controller, "set", "{\"frames\":4}")   -> {"ok":true}
//   api_call(controller, "state", "null")           -> what `memsim run --json` prints
//
// Verbs: load(text), loadBuiltin(name), step(n), back(n), seek(step), runToEnd(),
// state(), set({name: value}), builtins(), notifications() (drains step/load/error),
// debugWidgets() (where the last frame drew its windows and named widgets, for tests).
// course() (the lessons in order), quiz() (the waiting question and the score),
// answer(text), skipQuestion(), quizMode(on), quizProblem({kind, seed}) (a generated
// practice lesson), ostep("paging-policy.py -s 3 -p LRU") (an OSTEP homework problem).
// Bad arguments give {"ok":false,"errors":[{"line":0,"column":0,"message":...}]}.
#include <string>
#include <string_view>

#include "ui/controller.hpp"

namespace memsim::ui {

std::string api_call(Controller& controller, std::string_view verb, const std::string& argument_json);

}  // namespace memsim::ui
