#include "memsim/machine/ostep_session.hpp"

namespace memsim::machine {

void OstepSession::advance(std::vector<Event>* sink) {
    if (done()) return;
    const ostep::Translation& t = problem_->translations[answered_++];
    if (sink == nullptr) return;
    // A violation is the problem's answer, not the learner's mistake: no error mark.
    sink->push_back(Event{.source = EventSource::Vm,
                          .kind = t.paddr ? EventKind::Translated : EventKind::Segfault,
                          .text = ostep::explain_translation(*problem_, t),
                          .line = line_,
                          .address = static_cast<std::uint64_t>(t.vaddr)});
}

}  // namespace memsim::machine
