#pragma once
// The app's model: the loaded scenario text, its Simulator, and the commands that change
// them. Panels only read (snapshot(), recent_events(), ...) and push commands; the app
// applies queued commands between frames, and the page's JS API executes them directly
// (JS runs between animation frames too), so a frame always draws one consistent state.
//
//   controller.push(cmd::Step{1});        // from a button
//   controller.apply_pending(dt);         // start of the next frame, before drawing
//   auto result = controller.execute(cmd::Load{text});   // from memsim.load(text)
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/machine/simulator.hpp"
#include "memsim/ui_support/settings_edit.hpp"
#include "ui/quiz.hpp"

namespace memsim::ui {

namespace cmd {
struct Load { std::string text; bool keep_step = false; };  // keep_step: re-run, stay at the step
struct LoadBuiltin { std::string name; };
struct Step { std::uint64_t count = 1; };
struct Back { std::uint64_t count = 1; };
struct Seek { std::uint64_t step = 0; };
struct RunToEnd {};
struct Reset {};  // back to step 0, paused
struct SetSettings { std::vector<ui_support::SettingEdit> edits; };
struct Play {};
struct Pause {};
struct SetSpeed { double steps_per_second = 2.0; };
struct Answer { std::string text; };  // answers the pending lesson question, then reveals its step
struct SkipQuestion {};
struct SetQuizMode { bool on = true; };  // off: questions neither hold the run nor wait
// A C program's standard input and argv[1..] (the Console's Input box): re-runs the
// program with them in place of the scenario's `stdin` and `args`, keeping the step.
struct SetProgramInput { std::string stdin_text; std::vector<std::string> args; };
// Ends a load still running (a long program loading in slices): the run keeps the steps
// made so far, as at the step limit.
struct StopLoading {};
}  // namespace cmd

using Command = std::variant<cmd::Load, cmd::LoadBuiltin, cmd::Step, cmd::Back, cmd::Seek, cmd::RunToEnd,
                             cmd::Reset, cmd::SetSettings, cmd::Play, cmd::Pause, cmd::SetSpeed, cmd::Answer,
                             cmd::SkipQuestion, cmd::SetQuizMode, cmd::SetProgramInput, cmd::StopLoading>;

// What executing a command gave: ok, or the errors (load errors carry line and column).
struct CommandResult {
    bool ok = true;
    std::vector<Error> errors;
};

// Something the page may want to hear about (memsim.on(name, callback)).
enum class Notification { Step, Load, Error };

class Controller {
public:
    // `limits` bound every run (the JS API fuzzer uses small ones).
    explicit Controller(machine::SimulatorLimits limits = {});

    // Queues a command for the next apply_pending(). (Built in place: g++ 12 warns of
    // uninitialised strings when a temporary Command is moved into the queue.)
    template <class C>
    void push(C command) {
        pending_.emplace_back(std::in_place_type<C>, std::move(command));
    }
    // Applies the queued commands, then advances a playing run by `seconds` of time.
    void apply_pending(double seconds);
    // Applies one command now.
    CommandResult execute(const Command& command);

    // Loads queued by push() run in slices of this many steps, one slice per
    // apply_pending(), so a long program never freezes the app (0, the default: every
    // load runs to its end at once, as execute() always does).
    void set_load_slice(std::uint64_t steps) { load_slice_ = steps; }
    // A load running in slices: the previous run stays shown until it is done.
    bool loading() const { return loading_.has_value(); }
    std::uint64_t loading_steps() const { return loading_ ? loading_->sim.loaded_steps() : 0; }
    std::uint64_t step_limit() const { return limits_.max_steps; }

    bool loaded() const { return sim_.has_value(); }
    const machine::Simulator* simulator() const { return sim_ ? &*sim_ : nullptr; }
    const machine::Snapshot& snapshot() const { return snapshot_; }
    std::uint64_t step() const { return sim_ ? sim_->step() : 0; }
    std::uint64_t total_steps() const { return sim_ ? sim_->total_steps() : 0; }
    // Events of the last `event_window` steps up to the current one, oldest first.
    const std::vector<machine::Event>& recent_events() const { return recent_events_; }
    static constexpr std::uint64_t event_window = 64;

    // The text of the loaded scenario (or of the last attempt, when it failed).
    const std::string& text() const { return text_; }
    // The standard input and arguments given with SetProgramInput (empty: the scenario's).
    const machine::ProgramInput& program_input() const { return program_input_; }
    // The built-in's name when one is loaded, else "".
    const std::string& builtin_name() const { return builtin_name_; }
    // The built-in this run comes from, also after an edit or a settings change re-ran it
    // ("" for any other load): the lesson it continues, for its recap and the next one.
    const std::string& lesson_name() const { return lesson_name_; }
    // Errors of the last failed load (empty after a good one).
    const std::vector<Error>& load_errors() const { return load_errors_; }
    // Changes with every successful load (caches of per-run data key on it).
    std::uint64_t generation() const { return generation_; }

    // Whether the run ever has a heap (a peak heap size above 0 at its end), so the app
    // can leave out an empty Heap panel.
    bool run_uses_heap() const { return run_uses_heap_; }

    // The lesson's questions: moving forwards stops before an open question's step.
    const Quiz& quiz() const { return quiz_; }
    bool quiz_mode() const { return quiz_mode_; }
    // Why the lesson's questions are set aside ("" when they are not): an edit or a
    // settings change re-ran the lesson with settings its questions were not written for.
    const std::string& quiz_note() const { return quiz_note_; }
    // Whether the last forward move stopped early at a waiting question (cleared by any
    // other move): the lesson panel then says why the step did not advance.
    bool held_by_question() const { return held_by_question_; }
    // How many forward moves a waiting question has refused since the controller began:
    // the app compares it with the last frame's to see a refused press.
    std::uint64_t refused_moves() const { return refused_moves_; }

    bool playing() const { return playing_; }
    double speed() const { return speed_; }

    // Notifications since the last call, oldest first.
    std::vector<Notification> take_notifications();

private:
    machine::SimulatorLimits limits_;
    machine::ProgramInput program_input_{};
    CommandResult load(const std::string& text, bool keep_step);
    void moved();  // after any change of step: refresh snapshot and events, notify
    CommandResult operator()(const cmd::Load& c) { return load(c.text, c.keep_step); }
    CommandResult operator()(const cmd::LoadBuiltin& c);
    CommandResult operator()(const cmd::Step& c);
    CommandResult operator()(const cmd::Back& c);
    CommandResult operator()(const cmd::Seek& c);
    CommandResult operator()(const cmd::RunToEnd& c);
    CommandResult operator()(const cmd::Reset& c);
    CommandResult operator()(const cmd::SetSettings& c);
    CommandResult operator()(const cmd::Play& c);
    CommandResult operator()(const cmd::Pause& c);
    CommandResult operator()(const cmd::SetSpeed& c);
    CommandResult operator()(const cmd::Answer& c);
    CommandResult operator()(const cmd::SkipQuestion& c);
    CommandResult operator()(const cmd::SetQuizMode& c);
    CommandResult operator()(const cmd::SetProgramInput& c);
    CommandResult operator()(const cmd::StopLoading& c);
    void continue_loading(std::uint64_t steps);
    void adopt_loaded();  // the finished load becomes the run
    void move_forward_to(std::uint64_t target);  // as far as the quiz allows

    std::vector<Command> pending_;
    bool applying_queue_ = false;     // in apply_pending(): loads may run in slices
    std::uint64_t load_slice_ = 0;
    struct Loading {
        machine::Simulator sim;
        bool keep_step = false;
        std::uint64_t old_step = 0;
    };
    std::optional<Loading> loading_;
    std::optional<machine::Simulator> sim_;
    machine::Snapshot snapshot_;
    std::vector<machine::Event> recent_events_;
    std::string text_;
    std::string builtin_name_;
    std::string lesson_name_;
    std::vector<Error> load_errors_;
    std::uint64_t generation_ = 0;
    bool run_uses_heap_ = false;
    bool playing_ = false;
    double speed_ = 2.0;
    double accumulated_ = 0.0;
    std::vector<Notification> notifications_;
    Quiz quiz_;
    std::string quiz_note_;
    bool held_by_question_ = false;
    std::uint64_t refused_moves_ = 0;
    std::uint64_t last_moved_step_ = 0;
    // The scenario the questions were written for: the last load that was not a re-run.
    std::optional<scenario::Scenario> written_;
    bool quiz_mode_ = false;  // the app turns it on; tests and tools move freely by default
};

}  // namespace memsim::ui
