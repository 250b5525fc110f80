#pragma once
// The one running app, for the platform's callbacks (the page's JS API, dropped files).
namespace memsim::ui {
class App;
}

namespace memsim::platform {

// The app main() created; valid once the frame loop runs.
ui::App& running_app();

}  // namespace memsim::platform
