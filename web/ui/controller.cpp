#include "ui/controller.hpp"

#include <algorithm>
#include <cmath>

#include "ui/builtin_scenarios.hpp"
#include "ui/quiz_settings.hpp"

namespace memsim::ui {

Controller::Controller(machine::SimulatorLimits limits) : limits_(limits) {}

void Controller::apply_pending(double seconds) {
    std::vector<Command> queue;
    queue.swap(pending_);
    if (loading_) continue_loading(load_slice_);
    applying_queue_ = true;
    for (const Command& c : queue) execute(c);
    applying_queue_ = false;
    if (!playing_ || !sim_) return;
    if (sim_->at_end()) {
        playing_ = false;
        return;
    }
    accumulated_ += std::max(seconds, 0.0) * speed_;
    if (accumulated_ >= 1.0) {
        const double whole = std::floor(accumulated_);
        accumulated_ -= whole;
        execute(cmd::Step{static_cast<std::uint64_t>(whole)});
    }
}

CommandResult Controller::execute(const Command& command) {
    return std::visit([this](const auto& c) { return (*this)(c); }, command);
}

std::vector<Notification> Controller::take_notifications() {
    std::vector<Notification> out;
    out.swap(notifications_);
    return out;
}

CommandResult Controller::load(const std::string& text, bool keep_step) {
    const std::uint64_t old_step = step();
    text_ = text;
    auto started = machine::Simulator::start_load(text, limits_, program_input_);
    if (!started) {
        loading_.reset();
        load_errors_ = all_errors(started.error());  // a C program lists every compile error
        notifications_.push_back(Notification::Error);
        return {false, load_errors_};
    }
    load_errors_.clear();
    builtin_name_.clear();
    if (!keep_step) lesson_name_.clear();
    loading_.emplace(Loading{.sim = std::move(*started), .keep_step = keep_step, .old_step = old_step});
    continue_loading(applying_queue_ && load_slice_ > 0 ? load_slice_ : limits_.max_steps);
    return {};
}

void Controller::continue_loading(std::uint64_t steps) {
    if (loading_ && loading_->sim.continue_load(steps)) adopt_loaded();
}

CommandResult Controller::operator()(const cmd::StopLoading& /*c*/) {
    if (!loading_) return {false, {Error{0, 0, "no load is running"}}};
    loading_->sim.stop_load();
    adopt_loaded();
    return {};
}

void Controller::adopt_loaded() {
    const bool keep_step = loading_->keep_step;
    const std::uint64_t old_step = loading_->old_step;
    sim_ = std::move(loading_->sim);
    loading_.reset();
    // A re-run (an edit, a settings change) keeps the questions only while its settings
    // are the ones they were written for; any other load is a new lesson.
    quiz_note_.clear();
    if (!keep_step || !written_) written_ = sim_->scenario();
    const std::vector<std::string> changes = changed_settings(*written_, sim_->scenario());
    if (changes.empty() || written_->teaching.questions.empty()) {
        quiz_.start(*sim_);
    } else {
        quiz_ = Quiz{};
        quiz_note_ = set_aside_note(changes);
    }
    ++generation_;
    machine::Simulator end = *sim_;
    end.run_to_end();
    run_uses_heap_ = false;
    for (const machine::ProcessView& p : end.snapshot().processes) run_uses_heap_ = run_uses_heap_ || p.heap.peak_heap_size > 0;
    accumulated_ = 0.0;
    if (keep_step) sim_->seek(quiz_mode_ ? quiz_.allowed(0, std::min(old_step, sim_->total_steps())) : std::min(old_step, sim_->total_steps()));
    notifications_.push_back(Notification::Load);
    moved();
}

CommandResult Controller::operator()(const cmd::LoadBuiltin& c) {
    const BuiltinScenario* builtin = find_builtin(c.name);
    if (builtin == nullptr) {
        CommandResult result{false, {Error{0, 0, "no built-in scenario called '" + c.name + "'"}}};
        return result;
    }
    playing_ = false;
    program_input_ = {};  // a new scenario reads its own input
    CommandResult result = load(builtin->text, false);
    if (result.ok) builtin_name_ = lesson_name_ = c.name;
    return result;
}

CommandResult Controller::operator()(const cmd::SetProgramInput& c) {
    const machine::ProgramInput before = program_input_;
    program_input_ = machine::ProgramInput{.stdin_text = c.stdin_text, .args = c.args};
    const std::string name = builtin_name_;
    CommandResult result = load(text_, true);
    if (!result.ok) {  // too much input: keep what ran before
        program_input_ = before;
        load(text_, true);
    }
    builtin_name_ = name;
    return result;
}

namespace {
CommandResult not_loaded() { return {false, {Error{0, 0, "no scenario is loaded"}}}; }
}  // namespace

void Controller::move_forward_to(std::uint64_t target) {
    const std::uint64_t allowed = quiz_mode_ ? quiz_.allowed(sim_->step(), target) : target;
    if (allowed < target) playing_ = false;  // a question waits for an answer
    const bool held = allowed < target && allowed == sim_->step();
    sim_->seek(allowed);
    held_by_question_ = held;
    if (held) ++refused_moves_;
}

CommandResult Controller::operator()(const cmd::Step& c) {
    if (!sim_) return not_loaded();
    move_forward_to(std::min(sim_->step() + c.count, sim_->total_steps()));
    moved();
    return {};
}

CommandResult Controller::operator()(const cmd::Back& c) {
    if (!sim_) return not_loaded();
    sim_->back(c.count);
    moved();
    return {};
}

CommandResult Controller::operator()(const cmd::Seek& c) {
    if (!sim_) return not_loaded();
    const std::uint64_t target = std::min(c.step, sim_->total_steps());
    if (target > sim_->step()) {
        move_forward_to(target);
    } else {
        sim_->seek(target);
    }
    moved();
    return {};
}

CommandResult Controller::operator()(const cmd::RunToEnd& /*c*/) {
    if (!sim_) return not_loaded();
    move_forward_to(sim_->total_steps());
    playing_ = false;
    moved();
    return {};
}

CommandResult Controller::operator()(const cmd::Reset& /*c*/) {
    playing_ = false;
    return (*this)(cmd::Seek{0});
}

CommandResult Controller::operator()(const cmd::SetSettings& c) {
    if (!sim_ && text_.empty()) return not_loaded();
    auto edited = ui_support::apply_settings(text_, c.edits);
    if (!edited) return {false, {edited.error()}};
    // A refused setting (frames = 0) must not stay in the text, or every later set would
    // fail on it: the text and its errors go back to what they were.
    std::string before = text_;
    std::vector<Error> errors_before = load_errors_;
    CommandResult result = load(*edited, true);
    if (!result.ok) {
        text_ = std::move(before);
        load_errors_ = std::move(errors_before);
    }
    return result;
}

CommandResult Controller::operator()(const cmd::Play& /*c*/) {
    if (!sim_) return not_loaded();
    if (sim_->at_end()) (*this)(cmd::Seek{0});
    playing_ = true;
    accumulated_ = 0.0;
    return {};
}

CommandResult Controller::operator()(const cmd::Pause& /*c*/) {
    playing_ = false;
    return {};
}

CommandResult Controller::operator()(const cmd::SetSpeed& c) {
    speed_ = std::clamp(c.steps_per_second, 0.25, 1000.0);
    return {};
}

CommandResult Controller::operator()(const cmd::Answer& c) {
    if (!sim_) return not_loaded();
    if (!quiz_mode_ || quiz_.pending(sim_->step()) == nullptr) return {false, {Error{0, 0, "no question is waiting for an answer"}}};
    quiz_.answer(sim_->step(), c.text);
    CommandResult result = (*this)(cmd::Step{1});  // reveal (held again if the step has another question)
    held_by_question_ = false;                       // held by the next question, not by the learner's key
    return result;
}

CommandResult Controller::operator()(const cmd::SkipQuestion& /*c*/) {
    if (!sim_) return not_loaded();
    if (!quiz_mode_ || quiz_.pending(sim_->step()) == nullptr) return {false, {Error{0, 0, "no question is waiting for an answer"}}};
    quiz_.skip(sim_->step());
    CommandResult result = (*this)(cmd::Step{1});
    held_by_question_ = false;
    return result;
}

CommandResult Controller::operator()(const cmd::SetQuizMode& c) {
    quiz_mode_ = c.on;
    return {};
}

void Controller::moved() {
    if (sim_->step() != last_moved_step_) held_by_question_ = false;
    last_moved_step_ = sim_->step();
    snapshot_ = sim_->snapshot();
    recent_events_.clear();
    const std::uint64_t step = sim_->step();
    if (step > 0) recent_events_ = sim_->events_between(step > event_window ? step - event_window + 1 : 1, step);
    notifications_.push_back(Notification::Step);
}

}  // namespace memsim::ui
