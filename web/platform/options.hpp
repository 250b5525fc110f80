#pragma once
// Command-line options of the desktop app (the web page has none; it reads URL
// parameters in the shell instead).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace memsim::platform {

struct AppOptions {
    int frames = 0;                  // 0 = run until the window closes; N = render N frames, then exit
    std::string screenshot_path;     // when set, write the last frame to this PNG
    int width = 1280;                // initial window size in screen coordinates
    int height = 800;
    std::string scenario_path;       // --scenario FILE: open this scenario file
    std::string builtin;             // --builtin NAME: open this built-in scenario
    std::optional<std::uint64_t> step;  // --step N: seek to step N after loading
    std::string state_path;          // --state FILE: write memsim.state() JSON at exit
    std::string theme;               // --theme dark|light ("" = remembered or dark)
};

// Parses argv; on bad input returns nothing and fills `error` (unknown option, bad number).
std::optional<AppOptions> parse_app_options(const std::vector<std::string>& args, std::string& error);

// The --help text.
const char* app_usage();

}  // namespace memsim::platform
