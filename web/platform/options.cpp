#include "platform/options.hpp"

#include "memsim/core/text.hpp"

namespace memsim::platform {

const char* app_usage() {
    return "usage: memsim-desktop [--scenario FILE | --builtin NAME] [--step N] [--frames N]\n"
           "                      [--screenshot FILE.png] [--state FILE.json] [--theme dark|light] [--size WxH]\n"
           "  --scenario FILE     open a scenario file (.msim) or a C program (.c); a file dropped on the window also opens\n"
           "  --builtin NAME      open a built-in scenario (default: recursion-overflow)\n"
           "  --step N            go to step N after loading (quiz mode off)\n"
           "  --state FILE        write the state at exit as JSON (the page's memsim.state())\n"
           "  --theme dark|light  colour theme\n"
           "  --frames N          render N frames, then exit (for tests)\n"
           "  --screenshot FILE   write the last rendered frame as a PNG\n"
           "  --size WxH          initial window size (default 1280x800)\n";
}

std::optional<AppOptions> parse_app_options(const std::vector<std::string>& args, std::string& error) {
    AppOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        const bool has_value = i + 1 < args.size();
        if (arg == "--frames" && has_value) {
            const auto n = parse_u64(args[++i]);
            if (!n || *n == 0 || *n > 1000000) {
                error = "--frames needs a whole number from 1 to 1000000, got '" + args[i] + "'";
                return std::nullopt;
            }
            options.frames = static_cast<int>(*n);
        } else if (arg == "--scenario" && has_value) {
            options.scenario_path = args[++i];
        } else if (arg == "--builtin" && has_value) {
            options.builtin = args[++i];
        } else if (arg == "--theme" && has_value) {
            options.theme = args[++i];
            if (options.theme != "dark" && options.theme != "light") {
                error = "--theme needs dark or light, got '" + options.theme + "'";
                return std::nullopt;
            }
        } else if (arg == "--state" && has_value) {
            options.state_path = args[++i];
        } else if (arg == "--step" && has_value) {
            options.step = parse_u64(args[++i]);
            if (!options.step) {
                error = "--step needs a whole number, got '" + args[i] + "'";
                return std::nullopt;
            }
        } else if (arg == "--screenshot" && has_value) {
            options.screenshot_path = args[++i];
        } else if (arg == "--size" && has_value) {
            const auto parts = split_any(args[++i], "x");
            const auto w = parts.size() == 2 ? parse_u64(parts[0]) : std::nullopt;
            const auto h = parts.size() == 2 ? parse_u64(parts[1]) : std::nullopt;
            if (!w || !h || *w < 320 || *h < 240 || *w > 8192 || *h > 8192) {
                error = "--size needs WIDTHxHEIGHT between 320x240 and 8192x8192, got '" + args[i] + "'";
                return std::nullopt;
            }
            options.width = static_cast<int>(*w);
            options.height = static_cast<int>(*h);
        } else {
            error = "unknown or incomplete option '" + arg + "'";
            return std::nullopt;
        }
    }
    if (!options.scenario_path.empty() && !options.builtin.empty()) {
        error = "give --scenario or --builtin, not both";
        return std::nullopt;
    }
    if ((!options.screenshot_path.empty() || !options.state_path.empty()) && options.frames == 0) options.frames = 3;
    return options;
}

}  // namespace memsim::platform
