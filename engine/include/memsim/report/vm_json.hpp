#pragma once
// JSON forms of the paging engine's results, shared by the CLI (--json) and the web
// page's JS API so both print the same fields. The schema is documented in docs/vm.md.
#include <nlohmann/json.hpp>

#include "memsim/vm/replace.hpp"
#include "memsim/vm/sweep.hpp"

namespace memsim::report {

// {policy, frames, references, hits, faults, writebacks, hit_ratio, steps: [...]}
// Each step: {page, write, hit, frame, victim (page or null), writeback, resident, frames}.
nlohmann::json to_json(const vm::ReplaceRun& run);

// {sweep: [{frames, faults}, ...], anomalies: [frame counts where faults rose]}
nlohmann::json to_json(const vm::SweepResult& sweep);

}  // namespace memsim::report
