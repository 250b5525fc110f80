// paging-policy.py: a reference string (given, read from a file or drawn with -s), a page
// cache of -C pages and a policy; -c prints each access, hit or miss, the cache and the
// victim, then the hit rate.
#include <algorithm>

#include "memsim/ostep/policy_cache.hpp"
#include "memsim/ostep/python_random.hpp"
#include "paging_policy.hpp"
#include "script_support.hpp"

namespace memsim::ostep {
namespace {

constexpr OptionSpec paging_policy_options[] = {
    {"-a", "--addresses", "addresses", OptionType::String, "-1",
     "a set of comma-separated pages to access; -1 means randomly generate"},
    {"-f", "--addressfile", "addressfile", OptionType::String, "", "a file with a bunch of addresses in it"},
    {"-n", "--numaddrs", "numaddrs", OptionType::String, "10",
     "if -a (--addresses) is -1, this is the number of addrs to generate"},
    {"-p", "--policy", "policy", OptionType::String, "FIFO", "replacement policy: FIFO, LRU, OPT, UNOPT, RAND, CLOCK"},
    {"-b", "--clockbits", "clockbits", OptionType::Int, "2", "for CLOCK policy, how many clock bits to use"},
    {"-C", "--cachesize", "cachesize", OptionType::String, "3", "size of the page cache, in pages"},
    {"-m", "--maxpage", "maxpage", OptionType::String, "10",
     "if randomly generating page accesses, this is the max page number"},
    {"-s", "--seed", "seed", OptionType::String, "0", "random number seed"},
    {"-N", "--notrace", "notrace", OptionType::Flag, "", "do not print out a detailed trace"},
    {"-c", "--compute", "solve", OptionType::Flag, "", "compute answers for me"},
};

// memsim keeps a generated reference string in memory; the script would too.
constexpr std::int64_t max_generated = 10'000'000;

void add(PolicyReferences& refs, Result<std::int64_t> value) {
    refs.values.push_back(value ? std::optional<std::int64_t>(*value) : std::nullopt);
    refs.errors.push_back(value ? std::string() : value.error().message);
}

// The left and right labels of the printed cache, by policy.
std::pair<const char*, const char*> cache_labels(OstepPolicy policy) {
    switch (policy) {
        case OstepPolicy::Fifo: return {"FirstIn", "Lastin "};
        case OstepPolicy::Lru:
        case OstepPolicy::Mru: return {"LRU", "MRU"};
        default: return {"Left ", "Right"};
    }
}

int solve(ScriptIo& io, const PolicyReferences& refs, OstepPolicy policy, std::int64_t cache_size,
          std::int64_t clock_bits, bool trace, PythonRandom& rng) {
    OstepCache cache{policy, cache_size, clock_bits, refs.values, rng};
    const auto [left, right] = cache_labels(policy);
    std::int64_t hits = 0;
    std::int64_t misses = 0;
    for (std::size_t i = 0; i < refs.values.size(); ++i) {
        if (!refs.values[i]) return io.crash(refs.errors[i]);
        auto step = cache.access(i);
        if (!step) {
            if (step.error().message != "lookahead") return io.crash(step.error().message);
            const auto bad = std::find_if(refs.values.begin() + static_cast<std::ptrdiff_t>(i) + 1, refs.values.end(),
                                          [](const auto& r) { return !r.has_value(); });
            return io.crash(refs.errors[static_cast<std::size_t>(bad - refs.values.begin())]);
        }
        (step->hit ? hits : misses) += 1;
        if (!io.add(CacheAccess{.page = *refs.values[i], .hit = step->hit, .victim = step->victim, .cache = cache.pages()})) return 1;
        if (trace) {
            const std::string victim = step->victim ? std::to_string(*step->victim) : "-";
            io.print(cformat("Access: %lld  %s %s -> %12s <- %s Replaced:%s [Hits:%lld Misses:%lld]",
                            static_cast<long long>(*refs.values[i]), step->hit ? "HIT " : "MISS", left,
                            py_list(cache.pages()).c_str(), right, victim.c_str(), static_cast<long long>(hits),
                            static_cast<long long>(misses)));
        }
    }
    io.print("");
    if (hits + misses == 0) return io.crash("ZeroDivisionError: float division by zero");
    io.print(cformat("FINALSTATS hits %lld   misses %lld   hitrate %.2f", static_cast<long long>(hits),
                    static_cast<long long>(misses),
                    (100.0 * static_cast<double>(hits)) / (static_cast<double>(hits) + static_cast<double>(misses))));
    io.print("");
    return 0;
}

int run_paging_policy(ScriptIo& io, const OptionValues& o, const FileReader& read_file) {
    for (const char* name : {"addresses", "addressfile", "numaddrs", "policy", "clockbits", "cachesize", "maxpage",
                             "seed", "notrace"}) {
        io.print("ARG " + std::string(name) + " " + o.text(name));
    }
    io.print("");
    const auto in = policy_inputs(o);
    if (!in) return io.crash(in.error().message);
    const std::string& policy_name = o.text("policy");
    PythonRandom rng{in->seed.seed_key()};
    const auto refs = policy_references(o, *in, read_file, rng);
    if (!refs) return io.crash(refs.error().message);
    if (!o.flag("solve")) {
        io.print(cformat("Assuming a replacement policy of %s, and a cache of size %lld pages,", policy_name.c_str(),
                        static_cast<long long>(in->cache_size)));
        io.print("figure out whether each of the following page references hit or miss");
        io.print("in the page cache.\n");
        for (std::size_t i = 0; i < refs->values.size(); ++i) {
            if (!refs->values[i]) return io.crash(refs->errors[i]);
            io.print(cformat("Access: %lld  Hit/Miss?  State of Memory?", static_cast<long long>(*refs->values[i])));
        }
        io.print("");
        return 0;
    }
    const bool trace = !o.flag("notrace");
    if (trace) io.print("Solving...\n");
    const auto policy = ostep_policy_from_name(policy_name);
    if (!policy) {
        io.print("Policy " + policy_name + " is not yet implemented");
        return 1;
    }
    if (io.problem) {
        io.problem->policy_name = policy_name;
        io.problem->cache_size = in->cache_size;
        io.problem->clock_bits = in->clock_bits;
    }
    return solve(io, *refs, *policy, in->cache_size, in->clock_bits, trace, rng);
}

}  // namespace

Result<PolicyInputs> policy_inputs(const OptionValues& o) {
    PolicyInputs in;
    const auto numaddrs = py_int(o.text("numaddrs"));
    if (!numaddrs) return tl::unexpected(numaddrs.error());
    const auto cache_size = py_int(o.text("cachesize"));
    if (!cache_size) return tl::unexpected(cache_size.error());
    const auto seed = parse_python_int(o.text("seed"), 10);
    if (!seed) return tl::unexpected(seed.error());
    const auto maxpage = py_int(o.text("maxpage"));
    if (!maxpage) return tl::unexpected(maxpage.error());
    const auto clock_bits = py_small(o.number("clockbits"));
    if (!clock_bits) return tl::unexpected(clock_bits.error());
    return PolicyInputs{*numaddrs, *cache_size, *seed, *maxpage, *clock_bits};
}

Result<PolicyReferences> policy_references(const OptionValues& o, const PolicyInputs& in, const FileReader& read_file,
                                           PythonRandom& rng) {
    PolicyReferences refs;
    if (const std::string& file = o.text("addressfile"); !file.empty()) {
        const auto text = read_file ? read_file(file) : std::nullopt;
        if (!text) return fail("FileNotFoundError: [Errno 2] No such file or directory: " + py_repr(file));
        // Python reads the file with universal newlines: \r\n and \r end lines too.
        std::string lines;
        for (std::size_t i = 0; i < text->size(); ++i) {
            if ((*text)[i] != '\r') lines += (*text)[i];
            else if (i + 1 >= text->size() || (*text)[i + 1] != '\n') lines += '\n';
        }
        std::string_view rest = lines;
        while (!rest.empty()) {
            const std::size_t end = rest.find('\n');
            auto value = py_int(rest.substr(0, end));
            if (!value) return tl::unexpected(value.error());
            add(refs, value);
            rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        }
    } else if (o.text("addresses") == "-1") {
        if (in.numaddrs > max_generated) return fail("MemoryError: memsim generates at most 10000000 addresses (-n)");
        for (std::int64_t i = 0; i < in.numaddrs; ++i) {
            add(refs, static_cast<std::int64_t>(static_cast<double>(in.maxpage) * rng.random()));
        }
    } else {
        for (const std::string& word : split_commas(o.text("addresses"))) add(refs, py_int(word));
    }
    return refs;
}

const ScriptDef paging_policy_script{"paging-policy.py", paging_policy_options, run_paging_policy};

}  // namespace memsim::ostep
