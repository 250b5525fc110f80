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
    ++generation_;
    machine::Simulator end = *sim_;
    end.run_to_end();
    run_uses_heap_ = false;
    for (const machine::ProcessView& p : end.snapshot().processes) run_uses_heap_ = run_uses_heap_ || p.heap.peak_heap_size > 0;
    accumulated_ = 0.0;
    if (keep_step) sim_->seek(std::min(old_step, sim_->total_steps()));
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

CommandResult Controller::operator()(const cmd::Step& c) {
    if (!sim_) return not_loaded();
    sim_->step_forward(c.count);
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
    sim_->seek(std::min(c.step, sim_->total_steps()));
    moved();
    return {};
}

CommandResult Controller::operator()(const cmd::RunToEnd& /*c*/) {
    if (!sim_) return not_loaded();
    sim_->run_to_end();
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

void Controller::moved() {
    snapshot_ = sim_->snapshot();
    recent_events_.clear();
    const std::uint64_t step = sim_->step();
    if (step > 0) recent_events_ = sim_->events_between(step > event_window ? step - event_window + 1 : 1, step);
    notifications_.push_back(Notification::Step);
}

}  // namespace memsim::ui
