#pragma once
// The runnable forms of a scenario body. Each is a value (copying it is a checkpoint)
// with the same small interface the Simulator drives:
//
//   bool done() const;                       // nothing left to run
//   int line() const;                        // source line of the next step (0 = none)
//   void advance(std::vector<Event>* sink);  // run one step; events to sink when given
//
// OpsSession runs an `ops` body on a Machine; ReferenceSession runs a reference string
// or an address trace through a Pager (every policy, OPT included); HeapTraceSession
// replays an allocation trace on a Heap.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "memsim/heap/heap.hpp"
#include "memsim/heap/trace.hpp"
#include "memsim/machine/event.hpp"
#include "memsim/machine/machine.hpp"
#include "memsim/machine/ops.hpp"
#include "memsim/vm/pager.hpp"
#include "memsim/vm/trace.hpp"

namespace memsim::machine {

class OpsSession {
public:
    OpsSession(Machine machine, std::shared_ptr<const std::vector<Op>> ops);
    bool done() const { return cursor_ >= ops_->size(); }
    int line() const { return done() ? 0 : (*ops_)[cursor_].line; }
    void advance(std::vector<Event>* sink);
    const Machine& machine() const { return machine_; }
    // Names the ops have given to addresses (malloc results), for display.
    const std::map<std::string, std::uint64_t>& pointers() const { return pointers_; }

private:
    std::optional<std::uint64_t> resolve(const AddressExpr& expr, std::vector<Event>* sink) const;
    void run(const Op& op, std::vector<Event>* sink);

    Machine machine_;
    std::shared_ptr<const std::vector<Op>> ops_;
    std::size_t cursor_ = 0;
    std::map<std::string, std::uint64_t> pointers_;
};

// A reference trace prepared for stepping: dense page ids, writes and next uses (OPT).
struct PreparedTrace {
    vm::DenseTrace dense;
    std::vector<std::uint64_t> next_use;
    std::vector<int> lines;  // source line of each reference
};

class ReferenceSession {
public:
    ReferenceSession(vm::Pager pager, std::shared_ptr<const PreparedTrace> trace);
    bool done() const { return cursor_ >= trace_->dense.ids.size(); }
    int line() const { return done() ? 0 : trace_->lines[cursor_]; }
    void advance(std::vector<Event>* sink);
    const vm::Pager& pager() const { return pager_; }
    const PreparedTrace& trace() const { return *trace_; }
    std::size_t cursor() const { return cursor_; }
    // What the most recent step did (for the snapshot); empty before the first step.
    const std::optional<vm::PagerStep>& last_step() const { return last_; }

private:
    vm::Pager pager_;
    std::shared_ptr<const PreparedTrace> trace_;
    std::size_t cursor_ = 0;
    std::optional<vm::PagerStep> last_;
};

class HeapTraceSession {
public:
    HeapTraceSession(heap::Heap heap, std::shared_ptr<const heap::Trace> trace);
    bool done() const { return cursor_ >= trace_->ops.size(); }
    int line() const { return done() ? 0 : trace_->ops[cursor_].line; }
    void advance(std::vector<Event>* sink);
    const heap::Heap& heap() const { return heap_; }
    // The pointer each trace id holds now (0 = none).
    const std::vector<std::uint64_t>& pointers() const { return pointers_; }
    // The whole trace (to replay it on other allocators).
    const heap::Trace& trace() const { return *trace_; }

private:
    heap::Heap heap_;
    std::shared_ptr<const heap::Trace> trace_;
    std::size_t cursor_ = 0;
    std::vector<std::uint64_t> pointers_;
};

}  // namespace memsim::machine
