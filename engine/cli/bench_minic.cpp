// memsim bench --only minic: interpreted MiniC statements per second for a tight loop on
// the flat test machine (no events recorded, as in a run to the end).
#include <ostream>
#include <sstream>

#include "bench.hpp"
#include "memsim/minic/flat_host.hpp"
#include "memsim/minic/interpreter.hpp"

namespace memsim::cli {
namespace {

using namespace memsim::minic;

// Native release figure measured on the reference machine (Debian 12, x86-64, g++ 12 -O3),
// so a run under node can print WASM's ratio to native. Re-measure when the interpreter changes.
constexpr double native_reference_statements_per_second = 13.5e6;

// Each iteration is two steps: the body statement and the loop's step-and-test.
std::string loop_program(std::uint64_t iterations) {
    std::ostringstream source;
    source << "int main(void) {\n"
              "    long sum = 0;\n"
              "    int i;\n"
              "    for (i = 0; i < " << iterations << "; i++)\n"
              "        sum += i;\n"
              "    return (int)(sum & 127);\n"
              "}\n";
    return source.str();
}

nlohmann::json run_minic_bench(const BenchOptions& options, std::ostream& out) {
    const std::uint64_t iterations = options.quick ? 50'000 : 2'500'000;
    const auto program = compile(loop_program(iterations));
    if (!program) {
        out << "compile error: " << program.error().to_string() << "\n";
        return nlohmann::json{{"error", program.error().to_string()}};
    }
    Interpreter run(*program, InterpreterConfig{.step_limit = iterations * 4, .statement_events = false});
    FlatHost host(FlatHostConfig::for_model(DataModel::Lp64));
    const double seconds = seconds_for([&] { run.run(host); });
    const double per_second = static_cast<double>(run.steps()) / std::max(seconds, 1e-9);
    out << "  tight loop: " << run.steps() << " statements in " << seconds << " s = " << per_second / 1e6
        << " million statements/s (" << host.loads() << " loads, " << host.stores() << " stores)\n";
    nlohmann::json result{{"statements_per_second", per_second}, {"statements", run.steps()}, {"seconds", seconds}};
    if (native_reference_statements_per_second > 0) {
        const double ratio = per_second / native_reference_statements_per_second;
        out << "  ratio to the native reference (" << native_reference_statements_per_second / 1e6 << " M/s): " << ratio << "\n";
        result["ratio_to_native_reference"] = ratio;
    }
    return result;
}

MEMSIM_BENCH("minic", run_minic_bench);

}  // namespace
}  // namespace memsim::cli
