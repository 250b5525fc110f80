// Any text as a MiniC program, run in a small machine with a step bound: the lexer,
// parser, checker, compiler and interpreter must answer with a result, a line:column
// error or a learner event, never a crash or a hang. Byte 0 picks the machine (32 or
// 64 bits, calling convention, stack limit) so every frame layout gets exercised.
#include <cstddef>
#include <cstdint>
#include <string>

#include "memsim/machine/simulator.hpp"
#include "memsim/report/machine_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static const char* const machines[] = {
        "[machine]\nbits = 32\n",
        "[machine]\nbits = 64\n",
        "[machine]\nbits = 32\nconvention = \"simple\"\n",
        "[machine]\nbits = 64\n[stack]\nlimit = 8192\n",
    };
    std::string text = "+++\nformat = 1\nkind = \"program\"\n";
    text += machines[data[0] % 4];
    text += "+++\n";
    text.append(reinterpret_cast<const char*>(data + 1), size - 1);
    auto sim = memsim::machine::Simulator::load(
        text, memsim::machine::SimulatorLimits{.max_steps = 3000, .checkpoint_interval = 128});
    if (!sim) return 0;
    sim->run_to_end();
    sim->seek(sim->total_steps() / 2);
    (void)memsim::report::state_json(*sim).dump();
    return 0;
}
