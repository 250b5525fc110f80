#include "memsim/machine/reachability.hpp"

#include <algorithm>
#include <optional>

namespace memsim::machine {
namespace {

// The allocated blocks sorted by payload, with their verdicts so far.
class BlockIndex {
public:
    enum class State : std::uint8_t { Unreached, Possible, Reachable, Indirect };

    explicit BlockIndex(const std::vector<heap::BlockView>& blocks) {
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            if (blocks[i].allocated) order_.push_back(i);
        }
        std::sort(order_.begin(), order_.end(), [&](std::size_t a, std::size_t b) { return blocks[a].payload < blocks[b].payload; });
        for (std::size_t i : order_) {
            payload_.push_back(blocks[i].payload);
            end_.push_back(blocks[i].payload + std::max<std::uint64_t>(blocks[i].requested, 1));
        }
        state_.assign(order_.size(), State::Unreached);
    }

    // The block whose payload holds `value`, as an index into the sorted list.
    std::optional<std::size_t> find(std::uint64_t value) const {
        const auto it = std::upper_bound(payload_.begin(), payload_.end(), value);
        if (it == payload_.begin()) return std::nullopt;
        const auto i = static_cast<std::size_t>(it - payload_.begin() - 1);
        return value < end_[i] ? std::optional<std::size_t>(i) : std::nullopt;
    }

    std::size_t size() const { return order_.size(); }
    std::size_t original(std::size_t i) const { return order_[i]; }
    std::uint64_t payload(std::size_t i) const { return payload_[i]; }
    std::uint64_t end(std::size_t i) const { return end_[i]; }
    State& state(std::size_t i) { return state_[i]; }

private:
    std::vector<std::size_t> order_;
    std::vector<std::uint64_t> payload_, end_;
    std::vector<State> state_;
};

// Calls `found(value)` for every non-zero aligned word of [start, end); a page that holds
// one byte value throughout (never written, calloc, memset) is read once.
template <typename Found>
void scan_words(const PageStore& memory, std::uint32_t word, ScanRange range, Found&& found) {
    const std::uint64_t page = memory.page_size();
    std::uint64_t a = (range.start + word - 1) / word * word;
    while (a + word <= range.end && a + word > a) {
        const std::uint64_t page_end = (a / page + 1) * page;
        std::uint8_t byte = 0;
        if (memory.uniform_page(a, byte)) {
            // Every word of the page is the same value: one look is enough.
            if (byte != 0 && a + word <= range.end) found(memory.read(a, word));
            a = page_end;
            continue;
        }
        for (; a + word <= range.end && a < page_end; a += word) {
            if (const std::uint64_t value = memory.read(a, word); value != 0) found(value);
        }
    }
}

}  // namespace

std::vector<ScanRange> program_roots(const AddressSpaceLayout& layout, std::uint64_t stack_pointer, std::uint64_t stack_top) {
    std::vector<ScanRange> roots;
    for (const Region& r : layout.regions) {
        if (r.kind == RegionKind::Data || r.kind == RegionKind::Bss) roots.push_back({r.start, r.end});
    }
    roots.push_back({stack_pointer, stack_top});
    return roots;
}

std::vector<Reach> classify_blocks(const std::vector<heap::BlockView>& blocks, const std::vector<ScanRange>& roots,
                                   const PageStore& memory, std::uint32_t word, const std::vector<std::uint64_t>& registers) {
    using State = BlockIndex::State;
    BlockIndex index(blocks);
    std::vector<std::size_t> work;  // blocks whose contents are still to scan
    // memcheck's rule: a start pointer from a definitely reached place makes a block
    // reachable; any other pointer only makes an unreached block possibly reachable.
    auto reach = [&](std::uint64_t value, bool from_definite) {
        const auto i = index.find(value);
        if (!i) return;
        State& s = index.state(*i);
        if (value == index.payload(*i) && from_definite && s != State::Reachable) {
            s = State::Reachable;
            work.push_back(*i);
        } else if (s == State::Unreached) {
            s = State::Possible;
            work.push_back(*i);
        }
    };
    for (std::uint64_t v : registers) reach(v, true);
    for (const ScanRange& r : roots) scan_words(memory, word, r, [&](std::uint64_t v) { reach(v, true); });
    while (!work.empty()) {
        const std::size_t i = work.back();
        work.pop_back();
        const bool definite = index.state(i) == State::Reachable;
        scan_words(memory, word, {index.payload(i), index.end(i)}, [&](std::uint64_t v) { reach(v, definite); });
    }
    // Every block still unreached leads a clique: what it reaches (and nothing else does)
    // is indirectly lost; the leader itself stays definitely lost.
    for (std::size_t leader = 0; leader < index.size(); ++leader) {
        if (index.state(leader) != State::Unreached) continue;
        std::vector<std::size_t> clique{leader};
        while (!clique.empty()) {
            const std::size_t i = clique.back();
            clique.pop_back();
            scan_words(memory, word, {index.payload(i), index.end(i)}, [&](std::uint64_t v) {
                const auto j = index.find(v);
                if (j && *j != leader && index.state(*j) == State::Unreached) {
                    index.state(*j) = State::Indirect;
                    clique.push_back(*j);
                }
            });
        }
    }
    std::vector<Reach> out(blocks.size(), Reach::Reachable);
    for (std::size_t i = 0; i < index.size(); ++i) {
        const State s = index.state(i);
        out[index.original(i)] = s == State::Reachable  ? Reach::Reachable
                                 : s == State::Possible ? Reach::Possible
                                 : s == State::Indirect ? Reach::IndirectlyLost
                                                        : Reach::DefinitelyLost;
    }
    return out;
}

const char* reach_name(Reach reach) {
    switch (reach) {
        case Reach::Reachable: return "reachable";
        case Reach::Possible: return "possibly lost";
        case Reach::IndirectlyLost: return "indirectly lost";
        case Reach::DefinitelyLost: return "definitely lost";
    }
    return "reachable";
}

}  // namespace memsim::machine
