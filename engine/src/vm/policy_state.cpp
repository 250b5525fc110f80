#include "memsim/vm/replacement/policy_state.hpp"

namespace memsim::vm {
namespace {

template <class Get>
std::vector<std::uint64_t> per_frame(std::uint32_t frames, Get get) {
    std::vector<std::uint64_t> out;
    for (std::uint32_t f = 0; f < frames; ++f) out.push_back(get(f));
    return out;
}

struct StateOf {
    std::uint32_t frames;

    PolicyState operator()(const FifoPolicy& p) const { return {.hand = p.hand()}; }
    PolicyState operator()(const ClockPolicy& p) const { return {.hand = p.hand()}; }
    PolicyState operator()(const NruPolicy& p) const { return {.hand = p.hand()}; }
    PolicyState operator()(const MruPolicy& p) const { return {.hand = p.last()}; }
    PolicyState operator()(const LruPolicy& p) const { return {.order = p.order()}; }
    PolicyState operator()(const SecondChancePolicy& p) const { return {.order = p.queue()}; }
    PolicyState operator()(const RandomPolicy&) const { return {}; }
    PolicyState operator()(const OptPolicy& p) const {
        return {.values = per_frame(frames, [&](std::uint32_t f) { return p.next_use(f); }), .values_name = "next_use"};
    }
    template <bool Most>
    PolicyState operator()(const FrequencyPolicy<Most>& p) const {
        return {.values = per_frame(frames, [&](std::uint32_t f) { return p.count(f); }), .values_name = "count"};
    }
    template <bool Shift>
    PolicyState operator()(const CounterPolicy<Shift>& p) const {
        return {.values = per_frame(frames, [&](std::uint32_t f) { return p.counter(f); }), .values_name = "counter"};
    }
    PolicyState operator()(const WsClockPolicy& p) const {
        return {.hand = p.hand(),
                .values = per_frame(frames, [&](std::uint32_t f) { return p.last_use(f); }),
                .values_name = "last_use"};
    }
};

}  // namespace

PolicyState policy_state(const AnyPolicy& policy, std::uint32_t frames) {
    return std::visit(StateOf{frames}, policy);
}

}  // namespace memsim::vm
