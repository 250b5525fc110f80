#pragma once
// An OSTEP problem (scenario kind = "ostep") stepped one address (or one malloc.py op) at
// a time: step n answers the n-th virtual address, or does the n-th malloc or free, with
// one event that explains the translation (the violation, the fit) in words. The problem itself is immutable and shared
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
    bool done() const { return answered_ >= problem_->steps(); }
    int line() const { return done() ? 0 : line_; }
    void advance(std::vector<Event>* sink);
    const std::shared_ptr<const ostep::OstepProblem>& problem() const { return problem_; }
    // Addresses answered (ops done) so far; the last one is the current step's.
    std::size_t answered() const { return answered_; }

private:
    std::shared_ptr<const ostep::OstepProblem> problem_;
    int line_ = 0;
    std::size_t answered_ = 0;
};

}  // namespace memsim::machine
