// Functions the page's JavaScript calls through Module.ccall (see shell/memsim-shell.js).
// JS runs between animation frames, so a call here is applied between frames too.
#include <emscripten.h>

#include <string>

#include "memsim/version.hpp"
#include "platform/app_access.hpp"
#include "platform/frame_timer.hpp"
#include "ui/app.hpp"
#include "ui/embed_api.hpp"
#include "ui/page_api.hpp"

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* memsim_version() { return memsim::version(); }

// One verb of the JS API with its argument as JSON; returns JSON (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* memsim_call(const char* verb, const char* argument_json) {
    static std::string reply;
    const std::string argument = argument_json == nullptr ? std::string() : std::string(argument_json);
    memsim::ui::App& app = memsim::platform::running_app();
    auto embed_reply = memsim::ui::embed_api_call(app, verb, argument);
    reply = embed_reply ? std::move(*embed_reply) : memsim::ui::api_call(app.controller(), verb, argument);
    return reply.c_str();
}

// memsim.perf(): CPU time per frame over the last frames as JSON; reset != 0 then forgets
// them, so the next call covers only frames drawn after this one.
EMSCRIPTEN_KEEPALIVE const char* memsim_perf(int reset) {
    static std::string reply;
    reply = memsim::platform::frame_timer().stats_json();
    if (reset != 0) memsim::platform::frame_timer().reset();
    return reply.c_str();
}

}  // extern "C"
