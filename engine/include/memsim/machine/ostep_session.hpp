#pragma once
// An OSTEP translation problem (scenario kind = "ostep") stepped one address at a time:
// step n answers the n-th virtual address of the problem with one event that explains
// the translation (or the violation) in words. The problem itself is immutable and shared
// by every checkpoint; a session is the problem and how many addresses are answered.
#include <cstddef>
#include <memory>
#include <vector>

#include "memsim/machine/event.hpp"
#include "memsim/ostep/problem.hpp"

namespace memsim::machine {

class OstepSession {
public:
    OstepSession(std::shared_ptr<const ostep::OstepProblem> problem, int line) : problem_(std::move(problem)), line_(line) {}
    bool done() const { return answered_ >= problem_->translations.size(); }
    int line() const { return done() ? 0 : line_; }
    void advance(std::vector<Event>* sink);
    const std::shared_ptr<const ostep::OstepProblem>& problem() const { return problem_; }
    // Addresses answered so far (the last one answered is the current step's).
    std::size_t answered() const { return answered_; }

private:
    std::shared_ptr<const ostep::OstepProblem> problem_;
    int line_ = 0;
    std::size_t answered_ = 0;
};

}  // namespace memsim::machine
