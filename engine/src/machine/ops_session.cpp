#include "memsim/core/text.hpp"
#include "memsim/machine/session.hpp"

namespace memsim::machine {

OpsSession::OpsSession(Machine machine, std::shared_ptr<const std::vector<Op>> ops)
    : machine_(std::move(machine)), ops_(std::move(ops)) {}

std::optional<std::uint64_t> OpsSession::resolve(const AddressExpr& expr, std::vector<Event>* sink) const {
    std::uint64_t base = expr.absolute;
    if (!expr.name.empty()) {
        if (const auto it = pointers_.find(expr.name); it != pointers_.end()) {
            base = it->second;
        } else {
            const auto& frames = machine_.current().stack.frames();
            const stack::Slot* slot = frames.empty() ? nullptr : frames.back().find(expr.name);
            if (slot == nullptr) {
                if (sink) {
                    sink->push_back(Event{.source = EventSource::Program, .kind = EventKind::UnknownName,
                                          .text = "'" + expr.name + "' is neither a pointer from malloc nor a local of the running function, so the operation is skipped.",
                                          .is_error = true});
                }
                return std::nullopt;
            }
            base = slot->address;
        }
    }
    return base + static_cast<std::uint64_t>(expr.offset);
}

void OpsSession::run(const Op& op, std::vector<Event>* sink) {
    Machine& m = machine_;
    switch (op.kind) {
        case OpKind::Call:
            m.call(op.function, op.arguments, op.locals, m.code_address(op.line + 1), sink);
            break;
        case OpKind::Return: m.ret(sink); break;
        case OpKind::Local: m.add_local(op.locals.front(), sink); break;
        case OpKind::Set: m.set_local(op.target, op.value, sink); break;
        case OpKind::Malloc: pointers_[op.target] = m.malloc(op.size, sink); break;
        case OpKind::Calloc: pointers_[op.target] = m.calloc(op.count, op.size, sink); break;
        case OpKind::Realloc:
            if (const auto from = resolve(op.address, sink)) pointers_[op.target] = m.realloc(*from, op.size, sink);
            break;
        case OpKind::Free:
            if (const auto at = resolve(op.address, sink)) m.free(*at, sink);
            break;
        case OpKind::Read:
            if (const auto at = resolve(op.address, sink)) m.load(*at, static_cast<std::uint32_t>(op.size), sink);
            break;
        case OpKind::Write:
            if (const auto at = resolve(op.address, sink)) m.store(*at, static_cast<std::uint32_t>(op.size), op.value, sink);
            break;
        case OpKind::Touch:
            if (const auto at = resolve(op.address, sink)) m.touch(*at, op.size, op.write, sink);
            break;
        case OpKind::Switch: m.switch_to(op.process, sink); break;
        case OpKind::Exit: {
            std::vector<std::uint64_t> roots;
            for (const auto& [name, value] : pointers_) roots.push_back(value);
            m.exit(roots, sink);
            break;
        }
        case OpKind::Fork: m.fork(sink); break;
    }
}

void OpsSession::advance(std::vector<Event>* sink) {
    if (done()) return;
    const Op& op = (*ops_)[cursor_++];
    const std::size_t first = sink ? sink->size() : 0;
    const bool was_running = machine_.running();
    run(op, sink);
    // The process ended (exit or crash): the OS runs the next one that can run.
    if (was_running && !machine_.running()) {
        if (const auto next = machine_.next_runnable()) machine_.switch_to(*next, sink);
    }
    if (sink) {
        for (std::size_t i = first; i < sink->size(); ++i) (*sink)[i].line = op.line;
    }
}

}  // namespace memsim::machine
