#pragma once
// Step back and seek for a deterministic simulation. The whole simulator state is a
// value, so a copy of it is a checkpoint. History keeps one every `interval` steps and
// reaches any step by copying the nearest checkpoint at or before it and replaying the
// steps in between, which gives the same state as the first time (the simulation is
// deterministic). A seek costs at most `interval` replayed steps.
//
// Memory stays bounded however long the run: at most `max_checkpoints` copies are kept.
// When one more would be needed, the interval doubles and every other checkpoint goes
// (those left are still at multiples of the new interval). A run of n steps then keeps
// between max/2 and max checkpoints and a seek replays at most about 2n / max steps.
// States that grow (a deep recursion) can also be given a cost (about the bytes a copy
// takes): the checkpoints' total cost stays under `max_cost` in the same way, and a state
// too large to fit even alone is not kept (seeks then replay from the last one kept).
//
//   step:  0    K    2K   3K  ...        checkpoints every K steps
//          #----#----#----#--x           x = current step
//   seek(2K + 3): copy checkpoint 2K, replay 3 steps.
//   full:  0         2K        4K ...    K doubles, checkpoints K, 3K, ... are dropped
//
//   History<State> history(initial_state, 1024, 256);
//   history.record(state_after_step, step_number);   // after each forward step
//   State s = history.seek(target, [](State& s) { advance(s); });
#include <cstddef>
#include <cstdint>
#include <vector>

namespace memsim::machine {

template <class State>
class History {
public:
    // `initial` is the state at step 0; a checkpoint is kept every `interval` steps, and
    // the interval doubles whenever more than `max_checkpoints` (at least 2) would be kept.
    // `max_cost` bounds the total cost of the checkpoints after the first (0 = no bound).
    explicit History(State initial, std::uint64_t interval = 1024, std::size_t max_checkpoints = 256,
                     std::size_t max_cost = 0)
        : interval_(interval == 0 ? 1 : interval), max_checkpoints_(max_checkpoints < 2 ? 2 : max_checkpoints),
          max_cost_(max_cost) {
        checkpoints_.push_back(std::move(initial));
        costs_.push_back(0);
    }

    // Records the state reached at `step` (called after each forward step, in order);
    // `cost` is what keeping a copy of it costs (see max_cost). Only every interval-th
    // state is kept; later checkpoints than `step` are dropped, so recording after a
    // seek starts a new future.
    void record(const State& state, std::uint64_t step, std::size_t cost = 0) {
        const std::size_t keep = static_cast<std::size_t>(step / interval_) + 1;
        if (checkpoints_.size() > keep) {
            checkpoints_.erase(checkpoints_.begin() + static_cast<std::ptrdiff_t>(keep), checkpoints_.end());
            costs_.erase(costs_.begin() + static_cast<std::ptrdiff_t>(keep), costs_.end());
            total_cost_ = 0;
            for (const std::size_t c : costs_) total_cost_ += c;
        }
        if (step % interval_ != 0 || checkpoints_.size() != keep - 1) return;
        // Too large even alone: keep the earlier checkpoints (thinning them for it would
        // make every later seek replay from the start) and skip this one.
        if (max_cost_ != 0 && cost > max_cost_) return;
        while (checkpoints_.size() >= max_checkpoints_ || (over_budget(cost) && checkpoints_.size() > 1)) {
            thin();
            if (step % interval_ != 0) return;  // not on the wider spacing: the next one is
        }
        checkpoints_.push_back(state);
        costs_.push_back(cost);
        total_cost_ += cost;
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

    // Steps between checkpoints now (it grows as the run does).
    std::uint64_t interval() const { return interval_; }
    std::size_t checkpoint_count() const { return checkpoints_.size(); }
    std::size_t max_checkpoints() const { return max_checkpoints_; }
    // The state at step 0.
    const State& initial() const { return checkpoints_.front(); }

private:
    bool over_budget(std::size_t cost) const { return max_cost_ != 0 && total_cost_ + cost > max_cost_; }
    // Doubles the interval and keeps the checkpoints at multiples of the new one.
    void thin() {
        std::size_t kept = 0;
        total_cost_ = 0;
        for (std::size_t i = 0; i < checkpoints_.size(); i += 2, ++kept) {
            if (kept != i) {
                checkpoints_[kept] = std::move(checkpoints_[i]);
                costs_[kept] = costs_[i];
            }
            total_cost_ += costs_[kept];
        }
        checkpoints_.erase(checkpoints_.begin() + static_cast<std::ptrdiff_t>(kept), checkpoints_.end());
        costs_.erase(costs_.begin() + static_cast<std::ptrdiff_t>(kept), costs_.end());
        interval_ *= 2;
    }

    std::uint64_t interval_;
    std::size_t max_checkpoints_;
    std::size_t max_cost_;
    std::size_t total_cost_ = 0;
    std::vector<State> checkpoints_;
    std::vector<std::size_t> costs_;  // costs_[i] is what checkpoints_[i] was said to cost  // checkpoints_[i] = state at step i * interval_
};

}  // namespace memsim::machine
