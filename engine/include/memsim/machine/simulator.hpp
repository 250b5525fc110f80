#pragma once
// The simulator the UI, the CLI and the tests drive: a scenario loaded, run, and
// steppable forwards and backwards to any step.
//
// Loading parses the scenario, builds its session and runs it once to the end in bulk
// mode (no events), keeping a checkpoint every `checkpoint_interval` steps (at most
// `max_checkpoints` of them: a longer run spaces them further apart). After that
// seek(n) copies the checkpoint before step n, replays quietly up to n - 1 and runs
// step n with events on, so every step's explanations are available wherever the user
// jumps.
//
//   auto sim = Simulator::load(text);
//   if (!sim) show(sim.error());              // line:column and what was expected
//   sim->step_forward();                       // step 1
//   for (const Event& e : sim->events()) ...   // what step 1 did, in plain words
//   sim->seek(sim->total_steps());             // the end
//   Snapshot s = sim->snapshot();
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/machine/event.hpp"
#include "memsim/machine/history.hpp"
#include "memsim/machine/program_session.hpp"
#include "memsim/machine/session.hpp"
#include "memsim/machine/snapshot.hpp"
#include "memsim/scenario/scenario.hpp"

namespace memsim::machine {

struct SimulatorLimits {
    std::uint64_t max_steps = 10'000'000;       // a run longer than this stops there, paused
    std::uint64_t checkpoint_interval = 1024;   // steps between checkpoints at first
    std::size_t max_checkpoints = 256;          // the interval doubles rather than keep more
    std::size_t checkpoint_budget_bytes = 128u << 20;  // about the most the checkpoints may take
    std::size_t max_scenario_bytes = scenario::default_max_scenario_bytes;
};

// Totals of a whole run, for the CLI summary and golden tests.
struct RunSummary {
    std::uint64_t steps = 0;
    bool hit_step_limit = false;
    std::uint64_t page_faults = 0, tlb_hits = 0, tlb_misses = 0, writebacks = 0, hits = 0;
    std::uint64_t learner_errors = 0, leaks = 0;
};

class Simulator {
public:
    using Session = std::variant<OpsSession, ReferenceSession, HeapTraceSession, ProgramSession>;

    // Parses and runs a scenario; errors carry line and column.
    static Result<Simulator> load(const std::string& text, const SimulatorLimits& limits = {});

    std::uint64_t step() const { return step_; }
    std::uint64_t total_steps() const { return total_steps_; }
    bool at_end() const { return step_ >= total_steps_; }

    void step_forward(std::uint64_t n = 1);
    void back(std::uint64_t n = 1);
    void seek(std::uint64_t step);
    void run_to_end() { seek(total_steps_); }

    // The events of the current step (empty at step 0).
    const std::vector<Event>& events() const { return events_; }
    // Events of the steps in [first, last], replayed (for an event log).
    std::vector<Event> events_between(std::uint64_t first, std::uint64_t last) const;
    Snapshot snapshot() const;
    const scenario::Scenario& scenario() const { return scenario_; }
    const Session& session() const { return current_; }
    const RunSummary& summary() const { return summary_; }
    std::size_t checkpoint_count() const { return history_.checkpoint_count(); }

private:
    Simulator(scenario::Scenario scenario, Session initial, const SimulatorLimits& limits);
    void finish_load();

    scenario::Scenario scenario_;
    SimulatorLimits limits_;
    History<Session> history_;
    Session current_;
    std::uint64_t step_ = 0;
    std::uint64_t total_steps_ = 0;
    std::vector<Event> events_;
    RunSummary summary_;
};

}  // namespace memsim::machine
