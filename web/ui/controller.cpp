#include "ui/controller.hpp"

#include <algorithm>
#include <cmath>

#include "ui/builtin_scenarios.hpp"

namespace memsim::ui {

Controller::Controller(machine::SimulatorLimits limits) : limits_(limits) {}

void Controller::apply_pending(double seconds) {
    std::vector<Command> queue;
    queue.swap(pending_);
    for (const Command& c : queue) execute(c);
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
    auto loaded = machine::Simulator::load(text, limits_);
    if (!loaded) {
        load_errors_ = {loaded.error()};
        notifications_.push_back(Notification::Error);
        return {false, load_errors_};
    }
    load_errors_.clear();
    builtin_name_.clear();
    sim_ = std::move(*loaded);
    quiz_.start(*sim_);
    ++generation_;
    machine::Simulator end = *sim_;
    end.run_to_end();
    run_uses_heap_ = false;
    for (const machine::ProcessView& p : end.snapshot().processes) run_uses_heap_ = run_uses_heap_ || p.heap.peak_heap_size > 0;
    accumulated_ = 0.0;
    if (keep_step) sim_->seek(quiz_mode_ ? quiz_.allowed(0, std::min(old_step, sim_->total_steps())) : std::min(old_step, sim_->total_steps()));
    notifications_.push_back(Notification::Load);
    moved();
    return {};
}

CommandResult Controller::operator()(const cmd::LoadBuiltin& c) {
    const BuiltinScenario* builtin = find_builtin(c.name);
    if (builtin == nullptr) {
        CommandResult result{false, {Error{0, 0, "no built-in scenario called '" + c.name + "'"}}};
        return result;
    }
    playing_ = false;
    CommandResult result = load(builtin->text, false);
    if (result.ok) builtin_name_ = c.name;
    return result;
}

namespace {
CommandResult not_loaded() { return {false, {Error{0, 0, "no scenario is loaded"}}}; }
}  // namespace

void Controller::move_forward_to(std::uint64_t target) {
    const std::uint64_t allowed = quiz_mode_ ? quiz_.allowed(sim_->step(), target) : target;
    if (allowed < target) playing_ = false;  // a question waits for an answer
    sim_->seek(allowed);
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
    return load(*edited, true);
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
    return (*this)(cmd::Step{1});  // reveal (held again if the step has another question)
}

CommandResult Controller::operator()(const cmd::SkipQuestion& /*c*/) {
    if (!sim_) return not_loaded();
    if (!quiz_mode_ || quiz_.pending(sim_->step()) == nullptr) return {false, {Error{0, 0, "no question is waiting for an answer"}}};
    quiz_.skip(sim_->step());
    return (*this)(cmd::Step{1});
}

CommandResult Controller::operator()(const cmd::SetQuizMode& c) {
    quiz_mode_ = c.on;
    return {};
}

void Controller::moved() {
    snapshot_ = sim_->snapshot();
    recent_events_.clear();
    const std::uint64_t step = sim_->step();
    if (step > 0) recent_events_ = sim_->events_between(step > event_window ? step - event_window + 1 : 1, step);
    notifications_.push_back(Notification::Step);
}

}  // namespace memsim::ui
