// malloc.py: a free list managed by BEST, WORST or FIRST fit, with five list orders and
// optional coalescing; random ops from -s (or a list with -A); -c prints what each malloc
// returns, how many entries it searched, and the free list after each op.
//
// memsim::heap::OstepModel teaches the same rules; this port follows the script to the
// letter instead (Python's modulo for alignment, its assertions), so that odd flags such
// as a negative -r print what the script prints.
#include <algorithm>
#include <map>

#include "script_support.hpp"

namespace memsim::ostep {
namespace {

constexpr OptionSpec malloc_options[] = {
    {"-s", "--seed", "seed", OptionType::Int, "0", "the random seed"},
    {"-S", "--size", "heapSize", OptionType::Int, "100", "size of the heap"},
    {"-b", "--baseAddr", "baseAddr", OptionType::Int, "1000", "base address of heap"},
    {"-H", "--headerSize", "headerSize", OptionType::Int, "0", "size of the header"},
    {"-a", "--alignment", "alignment", OptionType::Int, "-1", "align allocated units to size; -1->no align"},
    {"-p", "--policy", "policy", OptionType::String, "BEST", "list search (BEST, WORST, FIRST)"},
    {"-l", "--listOrder", "order", OptionType::String, "ADDRSORT",
     "list order (ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT, INSERT-BACK)"},
    {"-C", "--coalesce", "coalesce", OptionType::Flag, "", "coalesce the free list?"},
    {"-n", "--numOps", "opsNum", OptionType::Int, "10", "number of random ops to generate"},
    {"-r", "--range", "opsRange", OptionType::Int, "10", "max alloc size"},
    {"-P", "--percentAlloc", "opsPAlloc", OptionType::Int, "50", "percent of ops that are allocs"},
    {"-A", "--allocList", "opsList", OptionType::String, "", "instead of random, list of ops (+10,-0,etc)"},
    {"-c", "--compute", "solve", OptionType::Flag, "", "compute answers for me"},
};

// op.split(sep)[1] for an op that starts with sep: the text up to the next sep.
std::string split_at(const std::string& op, char sep) {
    const std::size_t end = op.find(sep, 1);
    return op.substr(1, end == std::string::npos ? std::string::npos : end - 1);
}

using Chunk = std::pair<std::int64_t, std::int64_t>;  // (address, size)

// The script's malloc class.
struct FreeList {
    std::int64_t size = 0, header = 0, align = -1;
    std::string policy, order;
    bool coalesce = false;
    std::vector<Chunk> list;
    std::map<std::int64_t, std::int64_t> sizemap;  // allocated address -> size

    // (address or -1, entries searched); an error where the script's assertion fails.
    Result<std::pair<std::int64_t, std::int64_t>> malloc(std::int64_t want) {
        if (align != -1) {
            const std::int64_t left = ((want % align) + align) % align;  // Python's %
            want += left != 0 ? align - left : 0;
        }
        want += header;
        std::int64_t best_size = policy == "BEST" ? size + 1 : -1;
        std::int64_t best_addr = 0, count = 0;
        std::optional<std::size_t> best;
        for (std::size_t i = 0; i < list.size(); ++i) {
            ++count;
            const auto [addr, chunk] = list[i];
            if (chunk >= want && ((policy == "BEST" && chunk < best_size) || (policy == "WORST" && chunk > best_size) ||
                                  policy == "FIRST")) {
                best_addr = addr;
                best_size = chunk;
                best = i;
                if (policy == "FIRST") break;
            }
        }
        if (!best) return std::pair<std::int64_t, std::int64_t>{-1, count};
        if (best_size > want) {
            list[*best] = {best_addr + want, best_size - want};
        } else {
            list.erase(list.begin() + static_cast<std::ptrdiff_t>(*best));
        }
        if (!sizemap.emplace(best_addr, want).second) return fail("AssertionError (addToMap: address already in use)");
        return std::pair<std::int64_t, std::int64_t>{best_addr, count};
    }

    std::int64_t free(std::int64_t addr) {
        const auto it = sizemap.find(addr);
        if (it == sizemap.end()) return -1;
        const Chunk chunk{addr, it->second};
        if (order == "INSERT-FRONT") {
            list.insert(list.begin(), chunk);
        } else {
            list.push_back(chunk);
        }
        // Python's sorted() is stable, also with reverse=True.
        if (order == "ADDRSORT") std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.first < b.first; });
        if (order == "SIZESORT+") std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.second < b.second; });
        if (order == "SIZESORT-") std::stable_sort(list.begin(), list.end(), [](auto& a, auto& b) { return a.second > b.second; });
        if (coalesce) {
            std::vector<Chunk> merged;
            Chunk current = list.front();
            for (std::size_t i = 1; i < list.size(); ++i) {
                if (list[i].first == current.first + current.second) {
                    current.second += list[i].second;
                } else {
                    merged.push_back(current);
                    current = list[i];
                }
            }
            merged.push_back(current);
            list = std::move(merged);
        }
        sizemap.erase(addr);
        return 0;
    }

    // The problem's record of an op, with the heap as the op left it.
    HeapOp record(HeapOp op) const {
        for (const auto& [addr, chunk] : list) op.free_list.push_back({addr, chunk});
        for (const auto& [addr, chunk] : sizemap) op.used.push_back({addr, chunk});
        return op;
    }

    std::string dump() const {
        std::string line = cformat("Free List [ Size %zu ]: ", list.size());
        for (const auto& [addr, chunk] : list) line += cformat("[ addr:%lld sz:%lld ]", ll(addr), ll(chunk));
        return line;
    }
};

int random_ops(ScriptIo& io, FreeList& m, PythonRandom& rng, double percent, std::int64_t ops, std::int64_t range,
               std::int64_t header, bool solve) {
    std::map<std::int64_t, std::int64_t> p;  // allocation number -> address
    std::vector<std::int64_t> live;          // the script's L: allocation numbers, in order
    std::int64_t c = 0;
    for (std::int64_t j = 0; j < ops;) {
        if (rng.random() < percent) {
            const std::int64_t want = static_cast<std::int64_t>(rng.random() * static_cast<double>(range)) + 1;
            const auto got = m.malloc(want);
            if (!got) return io.crash(got.error().message);
            if (got->first != -1) {
                p[c] = got->first;
                live.push_back(c);
            }
            const std::optional<HeapChunk> taken =
                got->first == -1 ? std::nullopt : std::optional<HeapChunk>{{got->first, m.sizemap.at(got->first)}};
            if (!io.add(m.record({.kind = HeapOp::Kind::Alloc, .ptr = c, .size = want, .result = got->first + header,
                                  .searched = got->second, .chunk = taken}))) {
                return 1;
            }
            io.print(cformat("ptr[%lld] = Alloc(%lld)", ll(c), ll(want)) +
                     (solve ? cformat(" returned %lld (searched %lld elements)", ll(got->first + header), ll(got->second))
                            : " returned ?"));
            ++c;
        } else {
            if (p.empty()) continue;
            const auto d = static_cast<std::size_t>(rng.random() * static_cast<double>(live.size()));
            const HeapChunk given{p[live[d]], m.sizemap.at(p[live[d]])};
            const std::int64_t rc = m.free(p[live[d]]);
            if (!io.add(m.record({.kind = HeapOp::Kind::Free, .ptr = live[d], .result = rc, .chunk = given}))) return 1;
            io.print(cformat("Free(ptr[%lld])", ll(live[d])));
            io.print(solve ? cformat("returned %lld", ll(rc)) : "returned ?");
            p.erase(live[d]);
            live.erase(live.begin() + static_cast<std::ptrdiff_t>(d));
        }
        ++j;
        io.print(solve ? m.dump() : "List? ");
        io.print("");
    }
    return 0;
}

int listed_ops(ScriptIo& io, FreeList& m, const std::string& ops, bool solve) {
    std::map<std::int64_t, std::int64_t> p;
    std::int64_t c = 0;
    for (const std::string& op : split_commas(ops)) {
        if (op.empty()) return io.crash("IndexError: string index out of range");
        if (op[0] == '+') {
            const auto want = py_int(split_at(op, '+'));
            if (!want) return io.crash(want.error().message);
            const auto got = m.malloc(*want);
            if (!got) return io.crash(got.error().message);
            if (got->first != -1) p[c] = got->first;
            const std::optional<HeapChunk> taken =
                got->first == -1 ? std::nullopt : std::optional<HeapChunk>{{got->first, m.sizemap.at(got->first)}};
            if (!io.add(m.record({.kind = HeapOp::Kind::Alloc, .ptr = c, .size = *want, .result = got->first,
                                  .searched = got->second, .chunk = taken}))) {
                return 1;
            }
            io.print(cformat("ptr[%lld] = Alloc(%lld)", ll(c), ll(*want)) +
                     (solve ? cformat(" returned %lld (searched %lld elements)", ll(got->first), ll(got->second))
                            : " returned ?"));
            ++c;
        } else if (op[0] == '-') {
            const auto index = py_int(split_at(op, '-'));
            if (!index) return io.crash(index.error().message);
            if (*index >= static_cast<std::int64_t>(p.size())) {
                if (!io.add(m.record({.kind = HeapOp::Kind::SkippedFree, .ptr = *index}))) return 1;
                io.print("Invalid Free: Skipping");
                continue;
            }
            io.print(cformat("Free(ptr[%lld])", ll(*index)));
            const auto it = p.find(*index);
            if (it == p.end()) return io.crash("KeyError: " + std::to_string(*index));
            const auto held = m.sizemap.find(it->second);  // gone when this pointer was freed before
            const std::optional<HeapChunk> given =
                held == m.sizemap.end() ? std::nullopt : std::optional<HeapChunk>{{held->first, held->second}};
            const std::int64_t rc = m.free(it->second);
            if (!io.add(m.record({.kind = HeapOp::Kind::Free, .ptr = *index, .result = rc, .chunk = given}))) return 1;
            io.print(solve ? cformat("returned %lld", ll(rc)) : "returned ?");
        } else {
            return io.crash("NameError: name 'abort' is not defined");
        }
        io.print(solve ? m.dump() : "List?");
        io.print("");
    }
    return 0;
}

int run_malloc(ScriptIo& io, const OptionValues& o, const FileReader&) {
    Result<std::int64_t> numbers[6] = {py_small(o.number("heapSize")), py_small(o.number("baseAddr")),
                                       py_small(o.number("headerSize")), py_small(o.number("alignment")),
                                       py_small(o.number("opsNum")), py_small(o.number("opsRange"))};
    for (const auto& n : numbers) {
        if (!n) return io.crash(n.error().message);
    }
    FreeList m{*numbers[0], *numbers[2], *numbers[3], o.text("policy"), o.text("order"), o.flag("coalesce"), {}, {}};
    m.list.push_back({*numbers[1], *numbers[0]});
    if (io.problem) {
        io.problem->heap_base = *numbers[1];
        io.problem->heap_size = *numbers[0];
        io.problem->header = m.header;
        io.problem->align = m.align;
        io.problem->policy = m.policy;
        io.problem->order = m.order;
        io.problem->coalesce = m.coalesce;
    }
    const auto& orders = {"ADDRSORT", "SIZESORT+", "SIZESORT-", "INSERT-FRONT", "INSERT-BACK"};
    if (m.policy != "FIRST" && m.policy != "BEST" && m.policy != "WORST") return io.crash("AssertionError (policy)");
    if (std::none_of(orders.begin(), orders.end(), [&](const char* name) { return m.order == name; })) {
        return io.crash("AssertionError (list order)");
    }
    if (m.align != -1 && m.align <= 0) return io.crash("AssertionError (alignment)");
    for (const char* name : {"seed", "size", "baseAddr", "headerSize", "alignment", "policy", "listOrder", "coalesce",
                             "numOps", "range", "percentAlloc", "allocList", "compute"}) {
        const std::string_view key = name;
        const std::string_view dest = key == "size"        ? "heapSize"
                                      : key == "listOrder" ? "order"
                                      : key == "numOps"    ? "opsNum"
                                      : key == "range"     ? "opsRange"
                                      : key == "percentAlloc" ? "opsPAlloc"
                                      : key == "allocList" ? "opsList"
                                      : key == "compute"   ? "solve"
                                                           : key;
        io.print(std::string(key) + " " + o.text(dest));
    }
    io.print("");
    const auto palloc = py_small(o.number("opsPAlloc"));
    if (!palloc) return io.crash(palloc.error().message);
    const double percent = static_cast<double>(*palloc) / 100.0;
    PythonRandom rng{o.number("seed").seed_key()};
    if (!(percent > 0)) return io.crash("AssertionError (percent of allocs must be above 0)");
    if (o.text("opsList").empty()) {
        return random_ops(io, m, rng, percent, *numbers[4], *numbers[5], m.header, o.flag("solve"));
    }
    return listed_ops(io, m, o.text("opsList"), o.flag("solve"));
}

}  // namespace

const ScriptDef malloc_script{"malloc.py", malloc_options, run_malloc};

}  // namespace memsim::ostep
