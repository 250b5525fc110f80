// glibc-oracle: memsim's glibc model against the machine's real glibc 2.36.
//
// For each of many seeded random traces (one family per part of malloc: tcache, fastbins,
// small and unsorted bins, large bins, consolidation, top growth and trim, the moving mmap
// threshold, realloc, calloc), it writes the .rep file, replays it through the real glibc
// (glibc_replay, a separate process with an empty environment) and through the model with
// the heap checker after every call, and requires the same offsets line for line. Traces
// that free twice must make glibc abort with the message the model reports.
//
//   glibc-oracle PATH/TO/glibc_replay WORK_DIR [TRACES_PER_FAMILY]
//   exit 0 all equal; 1 a difference (the first one is printed); 77 not glibc 2.36.
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "memsim/heap/glibc_trace.hpp"

namespace {

using namespace memsim::heap;

// splitmix64: a small PRNG whose sequence is the same everywhere.
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint64_t below(std::uint64_t n) { return next() % n; }
    std::uint64_t between(std::uint64_t lo, std::uint64_t hi) { return lo + below(hi - lo + 1); }
};

struct SizeRange {
    std::uint64_t lo, hi;
    std::uint32_t weight;
};

// A family of traces: which sizes, how many pointers, and how often each call comes.
struct Family {
    std::string name;
    std::vector<SizeRange> sizes;
    std::uint32_t ids = 64;
    std::uint32_t ops = 600;
    std::uint32_t free_pct = 45, realloc_pct = 0, calloc_pct = 0;  // the rest allocates
};

std::uint64_t pick_size(Rng& rng, const std::vector<SizeRange>& sizes) {
    std::uint32_t total = 0;
    for (const auto& s : sizes) total += s.weight;
    std::uint64_t roll = rng.below(total);
    for (const auto& s : sizes) {
        if (roll < s.weight) return rng.between(s.lo, s.hi);
        roll -= s.weight;
    }
    return sizes.back().hi;
}

// A valid trace (no double frees): ops on a random live or dead id each step.
std::string make_trace(const Family& f, std::uint64_t seed) {
    Rng rng{seed * 0x100000001b3ull + 7};
    std::vector<bool> live(f.ids, false);
    std::string body;
    std::uint32_t ops = 0;
    for (std::uint32_t i = 0; i < f.ops; ++i) {
        const auto id = static_cast<std::uint32_t>(rng.below(f.ids));
        const std::uint64_t roll = rng.below(100);
        std::string line;
        if (live[id] && roll < f.free_pct) {
            line = "f " + std::to_string(id);
            live[id] = false;
        } else if (live[id] && roll < f.free_pct + f.realloc_pct) {
            line = "r " + std::to_string(id) + " " + std::to_string(pick_size(rng, f.sizes));
        } else if (!live[id]) {
            const bool zeroed = rng.below(100) < f.calloc_pct;
            line = std::string(zeroed ? "c " : "a ") + std::to_string(id) + " " + std::to_string(pick_size(rng, f.sizes));
            live[id] = true;
        } else {
            continue;
        }
        body += line + "\n";
        ++ops;
    }
    return "0\n" + std::to_string(f.ids) + "\n" + std::to_string(ops) + "\n1\n" + body;
}

std::vector<Family> families() {
    return {
        {.name = "tcache", .sizes = {{1, 200, 3}, {201, 1032, 1}}, .ids = 40, .ops = 500},
        {.name = "fastbin", .sizes = {{1, 120, 1}}, .ids = 120, .ops = 900, .free_pct = 55},
        {.name = "smallbin", .sizes = {{100, 1000, 4}, {1, 120, 1}}, .ids = 100, .ops = 900, .free_pct = 50},
        {.name = "largebin", .sizes = {{1000, 8000, 4}, {8000, 60000, 1}, {16, 600, 1}}, .ids = 80, .ops = 800},
        {.name = "consolidate", .sizes = {{1, 120, 6}, {1100, 70000, 1}}, .ids = 150, .ops = 1200, .free_pct = 55},
        {.name = "top-trim", .sizes = {{20000, 120000, 3}, {16, 2000, 1}}, .ids = 24, .ops = 400, .free_pct = 55},
        {.name = "mmap-threshold", .sizes = {{100000, 900000, 3}, {1000, 50000, 1}}, .ids = 16, .ops = 300},
        // Above the largest dynamic threshold (32 MiB) every request is mapped: munmapped
        // ranges are reused top-down; some lengths are whole 2 MiB pages (aligned by the kernel).
        {.name = "mmap-reuse", .sizes = {{33u << 20, 64u << 20, 3}, {(34u << 20) - 4096, (34u << 20) - 24, 1}}, .ids = 8,
         .ops = 200, .free_pct = 50, .realloc_pct = 15},
        {.name = "huge-mmap", .sizes = {{(2u << 20) - 4096, (2u << 20) - 24, 2}, {(6u << 20) - 4096, (6u << 20) - 24, 1},
                                        {300000, 3000000, 2}}, .ids = 12, .ops = 200, .free_pct = 45, .realloc_pct = 10},
        {.name = "realloc", .sizes = {{1, 300, 3}, {300, 5000, 2}, {5000, 200000, 1}}, .ids = 40, .ops = 700,
         .free_pct = 25, .realloc_pct = 45},
        {.name = "calloc", .sizes = {{1, 1500, 3}, {1500, 150000, 1}}, .ids = 60, .ops = 600, .calloc_pct = 50},
        {.name = "mixed", .sizes = {{1, 128, 4}, {129, 1032, 3}, {1033, 70000, 2}, {70000, 400000, 1}}, .ids = 100,
         .ops = 1500, .free_pct = 40, .realloc_pct = 15, .calloc_pct = 20},
        {.name = "long", .sizes = {{1, 128, 5}, {129, 1032, 3}, {1033, 20000, 2}, {20000, 300000, 1}}, .ids = 300,
         .ops = 3000, .free_pct = 42, .realloc_pct = 10, .calloc_pct = 10},
    };
}

struct Output {
    std::string out, err;
    int code = -1;
};

Output run_driver(const std::string& driver, const std::string& trace_path, const std::string& err_path) {
    // An empty environment: no MALLOC_* or GLIBC_TUNABLES setting may change the answers.
    const std::string command = "env -i LIBC_FATAL_STDERR_=1 '" + driver + "' '" + trace_path + "' 2>'" + err_path + "'";
    Output result;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return result;
    char buffer[4096];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) result.out.append(buffer, n);
    const int status = pclose(pipe);
    result.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    std::ifstream err(err_path);
    result.err.assign(std::istreambuf_iterator<char>(err), {});
    return result;
}

// The first line where the two outputs differ, with the trace op it belongs to.
std::string first_difference(const std::string& want, const std::string& got) {
    std::size_t line = 0, a = 0, b = 0;
    while (a < want.size() || b < got.size()) {
        const std::size_t ea = want.find('\n', a), eb = got.find('\n', b);
        const std::string la = want.substr(a, ea - a), lb = got.substr(b, eb - b);
        if (la != lb)
            return (line == 0 ? std::string("the mmap-base line") : "op " + std::to_string(line - 1)) + ": glibc '" + la +
                   "', model '" + lb + "'";
        if (ea == std::string::npos || eb == std::string::npos) break;
        a = ea + 1, b = eb + 1, ++line;
    }
    return {};
}

// The model's settings with its mmap base at the real one's place modulo 2 MiB (the
// driver's first line), so mappings of whole huge pages align the same way.
GlibcConfig config_like(const std::string& driver_output) {
    GlibcConfig config;
    constexpr std::uint64_t kHugePage = 2ull << 20;
    const std::string prefix = "mmap-base 0x";
    if (driver_output.rfind(prefix, 0) == 0)
        config.mmap_base = (config.mmap_base & ~(kHugePage - 1)) +
                           (std::stoull(driver_output.substr(prefix.size(), 16), nullptr, 16) & (kHugePage - 1));
    return config;
}

bool write_file(const std::string& path, const std::string& text) {
    std::ofstream f(path);
    f << text;
    return static_cast<bool>(f);
}

// Traces glibc aborts on, with the message it prints.
struct BadTrace {
    std::string name, rep;
};

std::vector<BadTrace> bad_traces() {
    std::string fill;  // seven 24-byte frees fill the tcache bin for 32-byte chunks
    for (int i = 0; i < 7; ++i) fill += "a " + std::to_string(i + 1) + " 24\n";
    for (int i = 0; i < 7; ++i) fill += "f " + std::to_string(i + 1) + "\n";
    return {
        {"tcache double free", "0\n2\n3\n1\na 0 24\nf 0\nf 0\n"},
        {"fasttop double free", "0\n9\n17\n1\na 0 24\n" + fill + "f 0\nf 0\n"},
        {"!prev double free", "0\n2\n4\n1\na 0 1100\na 1 24\nf 0\nf 0\n"},
        {"top double free", "0\n1\n3\n1\na 0 1100\nf 0\nf 0\n"},
    };
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: glibc-oracle GLIBC_REPLAY WORK_DIR [TRACES_PER_FAMILY]\n";
        return 2;
    }
    const std::string driver = argv[1], dir = argv[2];
    const int per_family = argc > 3 ? std::stoi(argv[3]) : 12;
    int compared = 0, failures = 0;
    std::vector<std::uint64_t> seen(static_cast<std::size_t>(GlibcEventKind::Error) + 1, 0);
    std::uint64_t ops = 0;
    for (const Family& f : families()) {
        for (int seed = 1; seed <= per_family; ++seed) {
            const std::string text = make_trace(f, static_cast<std::uint64_t>(seed) * 131 + f.name.size());
            const std::string path = dir + "/glibc-" + f.name + "-" + std::to_string(seed) + ".rep";
            if (!write_file(path, text)) return std::cerr << "cannot write " << path << "\n", 2;
            const Output real = run_driver(driver, path, path + ".err");
            if (real.code == 77) {
                std::cout << "SKIPPED: " << real.out;  // "skip: the C library is glibc X.Y ..."
                return 77;
            }
            const auto trace = parse_rep(text);
            if (!trace) return std::cerr << path << ": " << trace.error().to_string() << "\n", 2;
            std::vector<GlibcEvent> events;
            const GlibcRun model =
                run_glibc_trace(*trace, {.config = config_like(real.out), .check_every_op = true, .events = &events});
            for (const auto& e : events) ++seen[static_cast<std::size_t>(e.kind)];
            ++compared;
            ops += trace->ops.size();
            const std::string diff = real.code != 0 ? "glibc_replay exited " + std::to_string(real.code) + ": " + real.err
                                                    : first_difference(real.out, model.offsets);
            if (!diff.empty() || !model.problems.empty()) {
                ++failures;
                std::cout << "FAIL " << path << ": " << diff << "\n";
                for (const auto& v : model.problems)
                    std::cout << "  checker after op " << model.problem_op << ": 0x" << std::hex << v.addr << std::dec
                              << ": " << v.message << "\n";
                if (failures >= 5) return 1;
            }
        }
        std::cout << f.name << ": " << per_family << " traces compared\n";
    }
    // The traces must reach every path of the model, or equal offsets prove little.
    for (std::size_t k = 0; k + 1 < seen.size(); ++k) {
        const auto name = to_string(static_cast<GlibcEventKind>(k));
        std::cout << "  " << name << ": " << seen[k] << "\n";
        if (seen[k] == 0) {
            std::cout << "FAIL no trace produced a " << name << " event\n";
            ++failures;
        }
    }
    for (const BadTrace& b : bad_traces()) {
        const std::string path = dir + "/glibc-bad-" + std::to_string(compared++) + ".rep";
        write_file(path, b.rep);
        const Output real = run_driver(driver, path, path + ".err");
        std::vector<GlibcEvent> events;
        run_glibc_trace(*parse_rep(b.rep), {.events = &events});
        std::string said;
        for (const auto& e : events)
            if (e.kind == GlibcEventKind::Error && said.empty()) said = std::string(e.message);
        const bool same = real.code != 0 && !said.empty() && real.err.find(said + "\n") != std::string::npos;
        std::cout << (same ? "ok   " : "FAIL ") << b.name << ": glibc said '" << real.err.substr(0, real.err.find('\n'))
                  << "', model said '" << said << "'\n";
        if (!same) ++failures;
    }
    std::cout << compared << " traces, " << ops << " calls: " << (failures ? "DIFFERENCES" : "all offsets equal") << "\n";
    return failures ? 1 : 0;
}
