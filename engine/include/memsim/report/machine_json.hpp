#pragma once
// JSON forms of the simulator's snapshot, events and run summary: what `memsim run
// --json` prints and what the page's memsim.state() returns.
#include <nlohmann/json.hpp>
#include <vector>

#include "memsim/machine/event.hpp"
#include "memsim/machine/simulator.hpp"
#include "memsim/machine/snapshot.hpp"

namespace memsim::report {

nlohmann::json to_json(const machine::Event& event);
nlohmann::json to_json(const std::vector<machine::Event>& events);
nlohmann::json to_json(const machine::Snapshot& snapshot);
nlohmann::json to_json(const machine::RunSummary& summary);

// The whole state of a simulator at its current step: snapshot, summary and the step's
// events, as `memsim run --json` prints it.
nlohmann::json state_json(const machine::Simulator& simulator);

}  // namespace memsim::report
