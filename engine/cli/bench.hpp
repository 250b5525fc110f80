#pragma once
// `memsim bench` runs every registered benchmark section and prints its figures.
// Each section (paging, heap, ...) lives in its own bench_*.cpp and registers itself
// with MEMSIM_BENCH; it fills a JSON object and prints a human-readable table to `out`.
// Benchmarks measure and print; they never pass or fail on time.
#include <chrono>
#include <iosfwd>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "command.hpp"

namespace memsim::cli {

// Options shared by all benchmark sections.
struct BenchOptions {
    bool quick = false;  // smaller sizes, for a smoke run in the test suite
};

// A benchmark section: its name (the JSON key) and the function that runs it.
struct BenchSection {
    const char* name;
    nlohmann::json (*run)(const BenchOptions& options, std::ostream& out);
};

// Adds a section; returns true so it can initialise a static.
bool register_bench(const BenchSection& section);

// Every registered section, sorted by name.
std::vector<BenchSection> bench_sections();

// Seconds elapsed while running `work` once (steady clock).
template <class Work>
double seconds_for(Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    work();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace memsim::cli

// Registers a benchmark section: MEMSIM_BENCH("paging", run_paging_bench);
#define MEMSIM_BENCH(name, fn) \
    static const bool MEMSIM_CONCAT(memsim_bench_registered_, __LINE__) = \
        ::memsim::cli::register_bench({name, fn})
