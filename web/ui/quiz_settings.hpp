#pragma once
// A lesson's questions are written for its settings ("with 3 frames, how many faults?").
// When the learner changes a setting (frames = 4) and re-runs, the engine would grade
// the old questions against the new run; instead they are set aside with a note naming
// what changed. Only the machine's settings count: [machine], [stack], [heap], [vm],
// [trace] and the body's kind; the body itself and the teaching tables do not.
#include <string>
#include <vector>

#include "memsim/scenario/scenario.hpp"

namespace memsim::ui {

// The settings that differ, as "vm.frames: 3 -> 4" ("vm.tlb_entries: (default) -> 8"),
// in table and key order; empty when the run still matches the questions.
std::vector<std::string> changed_settings(const scenario::Scenario& written, const scenario::Scenario& now);

// The note shown instead of the questions: what changed and how to get them back.
std::string set_aside_note(const std::vector<std::string>& changes);

}  // namespace memsim::ui
