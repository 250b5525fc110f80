// The page's JS API (and so the iframe message protocol, which forwards to it) fed
// arbitrary calls: each input line is one call, its first byte picking the verb and the
// rest being the argument as JSON text. Every call must answer with JSON, never crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "memsim/core/assert.hpp"
#include "ui/controller.hpp"
#include "ui/page_api.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static constexpr std::string_view verbs[] = {"load", "loadBuiltin", "step", "back", "seek", "runToEnd",
                                                 "state", "set", "builtins", "notifications", "nonsense"};
    memsim::ui::Controller controller(
        memsim::machine::SimulatorLimits{.max_steps = 3000, .checkpoint_interval = 128});
    std::string_view input(reinterpret_cast<const char*>(data), size);
    for (int calls = 0; !input.empty() && calls < 16; ++calls) {
        const auto end = input.find('\n');
        const std::string_view line = input.substr(0, end);
        input = end == std::string_view::npos ? std::string_view{} : input.substr(end + 1);
        if (line.empty()) continue;
        const auto verb = verbs[static_cast<std::uint8_t>(line[0]) % std::size(verbs)];
        const std::string reply = memsim::ui::api_call(controller, verb, std::string(line.substr(1)));
        MEMSIM_ASSERT(!nlohmann::json::parse(reply, nullptr, false).is_discarded());
    }
    return 0;
}
