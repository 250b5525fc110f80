#pragma once
// Step back and seek for a deterministic simulation. The whole simulator state is a
// value, so a copy of it is a checkpoint. History keeps one every `interval` steps and
// reaches any step by copying the nearest checkpoint at or before it and replaying the
// steps in between, which gives the same state as the first time (the simulation is
// deterministic). Memory is (steps / interval) copies of the state; a seek costs at most
// `interval` replayed steps.
//
//   step:  0    K    2K   3K  ...        checkpoints every K steps
//          #----#----#----#--x           x = current step
//   seek(2K + 3): copy checkpoint 2K, replay 3 steps.
//
//   History<State> history(initial_state, 1024);
//   history.record(state_after_step, step_number);   // after each forward step
//   State s = history.seek(target, [](State& s) { advance(s); });
#include <cstddef>
#include <cstdint>
#include <vector>

namespace memsim::machine {

template <class State>
class History {
public:
    // `initial` is the state at step 0; a checkpoint is kept every `interval` steps.
    explicit History(State initial, std::uint64_t interval = 1024)
        : interval_(interval == 0 ? 1 : interval) {
        checkpoints_.push_back(std::move(initial));
    }

    // Records the state reached at `step` (called after each forward step, in order).
    // Only every interval-th state is kept; later checkpoints than `step` are dropped,
    // so recording after a seek starts a new future.
    void record(const State& state, std::uint64_t step) {
        const std::size_t keep = static_cast<std::size_t>(step / interval_) + 1;
        if (checkpoints_.size() > keep) checkpoints_.erase(checkpoints_.begin() + static_cast<std::ptrdiff_t>(keep), checkpoints_.end());
        if (step % interval_ == 0 && checkpoints_.size() == keep - 1) checkpoints_.push_back(state);
    }

    // The state at `step`: the checkpoint at or before it, advanced by `replay_one`
    // (a callable taking State&) the remaining number of times.
    template <class ReplayOne>
    State seek(std::uint64_t step, ReplayOne&& replay_one) const {
        std::size_t index = static_cast<std::size_t>(step / interval_);
        if (index >= checkpoints_.size()) index = checkpoints_.size() - 1;
        State state = checkpoints_[index];
        for (std::uint64_t s = index * interval_; s < step; ++s) replay_one(state);
        return state;
    }

    std::uint64_t interval() const { return interval_; }
    std::size_t checkpoint_count() const { return checkpoints_.size(); }
    // The state at step 0.
    const State& initial() const { return checkpoints_.front(); }

private:
    std::uint64_t interval_;
    std::vector<State> checkpoints_;  // checkpoints_[i] = state at step i * interval_
};

}  // namespace memsim::machine
