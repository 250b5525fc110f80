// Any text loaded as a scenario: parse, run (bounded), step around, snapshot, JSON.
#include <cstddef>
#include <cstdint>
#include <string>

#include "memsim/machine/simulator.hpp"
#include "memsim/report/machine_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto sim = memsim::machine::Simulator::load(
        text, memsim::machine::SimulatorLimits{.max_steps = 2000, .checkpoint_interval = 64});
    if (!sim) return 0;
    sim->seek(sim->total_steps() / 2);
    sim->step_forward();
    sim->back(3);
    sim->run_to_end();
    (void)memsim::report::state_json(*sim).dump();
    return 0;
}
