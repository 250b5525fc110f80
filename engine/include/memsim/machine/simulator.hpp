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
//
// The page loads in slices instead, so a long run never freezes it and can be stopped:
//
//   auto sim = Simulator::start_load(text, limits, input);
//   while (!sim->continue_load(50'000)) draw_progress(sim->loaded_steps());  // one slice a frame
//   (or sim->stop_load(): the run ends at the steps made so far, as at the step limit)
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/machine/event.hpp"
#include "memsim/machine/history.hpp"
#include "memsim/machine/ostep_session.hpp"
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
    bool stopped = false;  // the user stopped the load (hit_step_limit is then true too)
};

class Simulator {
public:
    using Session = std::variant<OpsSession, ReferenceSession, HeapTraceSession, ProgramSession, OstepSession>;

    // Parses and runs a scenario; errors carry line and column.
    static Result<Simulator> load(const std::string& text, const SimulatorLimits& limits = {});
    // The same, with a program's standard input and arguments replaced (memsim run
    // --stdin FILE --args "..."): a field left empty keeps the scenario's.
    static Result<Simulator> load(const std::string& text, const SimulatorLimits& limits, const ProgramInput& input);
    // Parses the scenario and builds its session without running it: continue_load() runs it.
    static Result<Simulator> start_load(const std::string& text, const SimulatorLimits& limits, const ProgramInput& input);

    // While loading: runs at most `steps` more steps of the run; true once it is loaded.
    bool continue_load(std::uint64_t steps);
    // Ends the load at the steps run so far (the summary says it was stopped).
    void stop_load();
    bool loading() const { return runner_.has_value(); }
    std::uint64_t loaded_steps() const { return loaded_steps_; }  // so far, while loading

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
    void end_load(bool stopped);

    scenario::Scenario scenario_;
    SimulatorLimits limits_;
    History<Session> history_;
    Session current_;
    std::uint64_t step_ = 0;
    std::uint64_t total_steps_ = 0;
    std::vector<Event> events_;
    RunSummary summary_;
    std::optional<Session> runner_;     // the run being loaded (recording checkpoints); empty once loaded
    std::uint64_t loaded_steps_ = 0;    // steps the load has run
};

}  // namespace memsim::machine
