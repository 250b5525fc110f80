// qsort and bsearch: library calls that call a function of the program (the comparator)
// as an ordinary call, with its frame on the stack, and go on when it returns.
#include <algorithm>

#include "memsim/minic/interpreter.hpp"

#include "memsim/core/text.hpp"

namespace memsim::minic {

void Interpreter::start_callback(const Instr& in, Host& host, std::vector<Event>* sink) {
    const std::size_t first = values_.size() - static_cast<std::size_t>(in.b);
    const std::uint64_t* args = values_.data() + first;
    CallbackCall c{.id = static_cast<Builtin>(in.a)};
    const bool is_sort = c.id == Builtin::Qsort;
    if (!is_sort) c.key = *args++;
    c.base = args[0];
    c.count = args[1];
    c.size = args[2];
    const std::uint64_t pointer = args[3];
    values_.resize(first);
    const char* name = is_sort ? "qsort" : "bsearch";
    c.compare = function_at(pointer);
    if (c.compare < 0) {
        stop(EventKind::MemoryProblem, std::string(name) + " is given " + (pointer == 0 ? std::string("NULL") : hex(pointer)) +
                                           " as its comparator, which is not the address of a function: segmentation fault",
             sink);
        return;
    }
    const Function& f = program_->program.functions[static_cast<std::size_t>(c.compare)];
    if (f.param_count != 2) {
        stop(EventKind::MemoryProblem, std::string(name) + " calls its comparator '" + f.name + "' with 2 pointers, but it takes " +
                                           std::to_string(f.param_count) + " parameters",
             sink);
        return;
    }
    ++pc_;  // at the Resume that each comparator call returns to
    callbacks_.push_back(std::move(c));
    advance_callback(0, false, host, sink);
}

void Interpreter::resume_callback(Host& host, std::vector<Event>* sink) {
    const auto result = static_cast<std::int64_t>(values_.back());
    values_.pop_back();
    advance_callback(result, true, host, sink);
}

bool Interpreter::append_element(CallbackCall& c, std::uint64_t index, Host& host, std::vector<Event>* sink) {
    for (std::uint64_t b = 0; b < c.size; ++b) {
        LoadResult r = host.load(c.base + index * c.size + b, 1);
        if ((r.report.stop || !r.report.problem.empty() || r.report.end_step) && !take(std::move(r.report), sink)) return false;
        c.merged.push_back(static_cast<std::uint8_t>(r.value));
    }
    return true;
}

void Interpreter::advance_callback(std::int64_t compared, bool has_result, Host& host, std::vector<Event>* sink) {
    CallbackCall& c = callbacks_.back();
    std::uint64_t first = 0, second = 0;  // the comparator's arguments, when one is needed
    bool compare = false;
    std::uint64_t result = 0;
    if (c.id == Builtin::Bsearch) {
        if (!c.merging) {
            c.merging = true;
            c.lo = 0;
            c.hi = c.count;
        } else if (has_result && compared < 0) {
            c.hi = c.mid;
        } else if (has_result && compared > 0) {
            c.lo = c.mid + 1;
        } else if (has_result) {
            result = c.base + c.mid * c.size;
            c.lo = c.hi;  // found
        }
        if (c.lo < c.hi) {
            c.mid = c.lo + (c.hi - c.lo) / 2;
            compare = true;
            first = c.key;
            second = c.base + c.mid * c.size;
        }
    } else {
        // Bottom-up merge sort: runs of `width` merged pairwise, equal elements left first.
        if (has_result && !append_element(c, compared <= 0 ? c.i++ : c.j++, host, sink)) return;
        while (!compare) {
            if (!c.merging) {
                if (c.width >= c.count) break;
                if (c.lo >= c.count) {
                    c.width *= 2;
                    c.lo = 0;
                    continue;
                }
                c.mid = std::min(c.lo + c.width, c.count);
                c.hi = std::min(c.lo + 2 * c.width, c.count);
                if (c.mid >= c.hi) {
                    c.lo = c.hi;
                    continue;
                }
                c.i = c.lo;
                c.j = c.mid;
                c.merged.clear();
                c.merging = true;
            }
            if (c.i < c.mid && c.j < c.hi) {
                compare = true;
                first = c.base + c.i * c.size;
                second = c.base + c.j * c.size;
                break;
            }
            // One run is used up: the rest of the other follows, then the run goes back in place.
            while (c.i < c.mid) if (!append_element(c, c.i++, host, sink)) return;
            while (c.j < c.hi) if (!append_element(c, c.j++, host, sink)) return;
            for (std::size_t b = 0; b < c.merged.size(); ++b) {
                if (!store(host, c.base + c.lo * c.size + b, 1, c.merged[b], sink)) return;
            }
            c.merging = false;
            c.lo = c.hi;
        }
    }
    if (compare) {
        values_.push_back(first);
        values_.push_back(second);
        enter(c.compare, pc_, host, sink);
        return;
    }
    callbacks_.pop_back();
    values_.push_back(result);
    ++pc_;
}

}  // namespace memsim::minic
