// Benchmark section "machine": seek latency over a one-million-step run, and the memory
// its checkpoints take.
#include <algorithm>
#include <ostream>
#include <sstream>

#include "bench.hpp"
#include "memsim/core/prng.hpp"
#include "memsim/machine/simulator.hpp"

namespace memsim::cli {
namespace {

// A reference-string scenario with `references` references and some locality.
std::string reference_scenario(std::uint64_t references) {
    std::ostringstream text;
    text << "+++\nformat = 1\ntitle = \"bench\"\nkind = \"references\"\n[vm]\nframes = 64\npolicy = \"lru\"\n+++\n";
    Prng rng{42};
    std::uint64_t base = 0;
    for (std::uint64_t i = 0; i < references; ++i) {
        if (rng.below(64) == 0) base = rng.below(4096);
        text << (base + rng.below(96)) << (i % 32 == 31 ? '\n' : ' ');
    }
    return text.str();
}

nlohmann::json run_machine_bench(const BenchOptions& options, std::ostream& out) {
    const std::uint64_t references = options.quick ? 100'000 : 1'000'000;
    const std::string text = reference_scenario(references);
    Result<machine::Simulator> sim = fail("not loaded");
    const double load_seconds = seconds_for([&] { sim = machine::Simulator::load(text, machine::SimulatorLimits{.max_steps = 10'000'000, .checkpoint_interval = 1024, .max_scenario_bytes = 64u << 20}); });
    if (!sim) return {{"error", sim.error().to_string()}};

    Prng rng{7};
    const int seeks = 50;
    double worst = 0, total = 0;
    for (int i = 0; i < seeks; ++i) {
        const std::uint64_t target = rng.between(1, sim->total_steps());
        const double s = seconds_for([&] { sim->seek(target); });
        worst = std::max(worst, s);
        total += s;
    }
    // Each checkpoint holds a Pager: its frame table, page map and policy state.
    const auto& session = std::get<machine::ReferenceSession>(sim->session());
    const std::uint64_t per_checkpoint = session.pager().frames().size() * 24 + session.trace().dense.pages.size() * 4 + 1024;
    const std::uint64_t checkpoint_bytes = per_checkpoint * sim->checkpoint_count();

    out << "  load and run " << sim->total_steps() << " steps: " << static_cast<int>(load_seconds * 1000) << " ms\n"
        << "  seek: mean " << (total / seeks * 1000) << " ms, worst " << (worst * 1000) << " ms over " << seeks
        << " random seeks (goal: under 50 ms)\n"
        << "  checkpoints: " << sim->checkpoint_count() << ", about " << checkpoint_bytes / 1024 << " KiB\n";
    return {{"steps", sim->total_steps()},
            {"load_ms", load_seconds * 1000},
            {"seek_ms", total / seeks * 1000},
            {"seek_worst_ms", worst * 1000},
            {"checkpoints", sim->checkpoint_count()},
            {"checkpoint_bytes", checkpoint_bytes}};
}

MEMSIM_BENCH("machine", run_machine_bench);

}  // namespace
}  // namespace memsim::cli
