// memsim bench --only minic: interpreted MiniC statements per second for a tight loop on
// the flat test machine (no events recorded, as in a run to the end), and for the same
// loop on the simulated machine (MMU, TLB, page store, checkpoints), as `memsim run` and
// the app's loading run it.
#include <ostream>
#include <sstream>

#include "bench.hpp"
#include "memsim/machine/simulator.hpp"
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

// The same loop on the machine: a Simulator loaded with the source and run to the end
// with no event sink and `memsim run`'s checkpoints (one every 1,024 steps at first).
// Each step is a statement or a page fault (one here). Adds its figures to `result`.
void run_on_machine(std::uint64_t iterations, double flat_per_second, std::ostream& out, nlohmann::json& result) {
    Result<machine::Simulator> sim = fail("not loaded");
    const double seconds = seconds_for([&] {
        sim = machine::Simulator::load(loop_program(iterations),
                                       machine::SimulatorLimits{.max_steps = iterations * 4, .checkpoint_interval = 1024});
    });
    if (!sim) {
        out << "  same loop on the machine: " << sim.error().to_string() << "\n";
        result["machine_error"] = sim.error().to_string();
        return;
    }
    const std::uint64_t steps = sim->total_steps();
    const double per_second = static_cast<double>(steps) / std::max(seconds, 1e-9);
    out << "  same loop on the machine: " << steps << " steps in " << seconds << " s = " << per_second / 1e6
        << " million steps/s (" << per_second / flat_per_second << " of the flat rate)\n";
    result["machine_statements_per_second"] = per_second;
    result["machine_steps"] = steps;
    result["machine_seconds"] = seconds;
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
    run_on_machine(iterations, per_second, out, result);
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
