// memsim bench [--json] [--quick] [--only NAME]: runs the benchmark sections.
#include <algorithm>
#include <ostream>
#include <sstream>

#include "bench.hpp"

namespace memsim::cli {
namespace {

std::vector<BenchSection>& bench_registry() {
    static std::vector<BenchSection> all;
    return all;
}

int run_bench(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    const auto args = Args::parse(argv, {"only"}, {"json", "quick", "help"});
    if (!args) return bad_input(err, "bench", args.error().message);
    if (args->flag("help")) {
        out << "usage: memsim bench [--json] [--quick] [--only SECTION]\n"
               "Measures engine speed and prints figures (see BENCHMARKS.md).\n";
        return exit_ok;
    }
    const BenchOptions options{.quick = args->flag("quick")};
    const auto only = args->value("only");
    nlohmann::json report = nlohmann::json::object();
#ifdef __EMSCRIPTEN__
    report["platform"] = "wasm";
#else
    report["platform"] = "native";
#endif
    std::ostringstream discard;
    std::ostream& table = args->flag("json") ? static_cast<std::ostream&>(discard) : out;
    bool ran = false;
    for (const auto& section : bench_sections()) {
        if (only && *only != section.name) continue;
        ran = true;
        table << "== " << section.name << "\n";
        report[section.name] = section.run(options, table);
    }
    // The seek figure also at the top, as BENCHMARKS.md documents the schema.
    if (report.contains("machine") && report["machine"].contains("seek_ms")) report["seek_ms"] = report["machine"]["seek_ms"];
    if (!ran) return bad_input(err, "bench", "no benchmark section named '" + only.value_or("") + "'");
    if (args->flag("json")) out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return exit_ok;
}

MEMSIM_COMMAND("bench", "Measure engine speed and print figures", run_bench);

}  // namespace

bool register_bench(const BenchSection& section) {
    bench_registry().push_back(section);
    return true;
}

std::vector<BenchSection> bench_sections() {
    std::vector<BenchSection> sorted = bench_registry();
    std::sort(sorted.begin(), sorted.end(),
              [](const BenchSection& a, const BenchSection& b) { return std::string(a.name) < b.name; });
    return sorted;
}

}  // namespace memsim::cli
