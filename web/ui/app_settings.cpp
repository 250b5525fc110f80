// The app's own settings (theme, text size) in ImGui's ini data, beside the window
// layout: imgui.ini on the desktop, localStorage in the browser (see platform/).
#include <algorithm>
#include <cstdio>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/app.hpp"

namespace memsim::ui {

void save_settings_soon() {
    // ImGui saves dirty settings after io.IniSavingRate (5 s); a learner who closes the
    // welcome or finishes a lesson and reloads at once must not lose it.
    ImGui::MarkIniSettingsDirty();
    if (ImGuiContext* context = ImGui::GetCurrentContext()) context->SettingsDirtyTimer = std::min(context->SettingsDirtyTimer, 0.001f);
}

void App::install_settings_handler() {
    ImGuiSettingsHandler handler;
    handler.TypeName = "memsim";
    handler.TypeHash = ImHashStr("memsim");
    handler.UserData = this;
    handler.ReadOpenFn = [](ImGuiContext*, ImGuiSettingsHandler* self, const char* name) -> void* {
        return std::strcmp(name, "settings") == 0 ? self->UserData : nullptr;
    };
    handler.ReadLineFn = [](ImGuiContext*, ImGuiSettingsHandler*, void* entry, const char* line) {
        App* app = static_cast<App*>(entry);
        int theme = 0;
        float size = 1.0f;
        if (std::sscanf(line, "theme=%d", &theme) == 1) app->theme_ = theme == 1 ? Theme::Light : Theme::Dark;
        if (std::sscanf(line, "font_size=%f", &size) == 1) app->set_font_size_factor(size);
        int reduce = 0;
        if (std::sscanf(line, "reduce_motion=%d", &reduce) == 1) app->reduce_motion_ = reduce == 1;
        int welcomed = 0;
        if (std::sscanf(line, "welcomed=%d", &welcomed) == 1) app->progress_.welcomed = welcomed == 1;
        if (std::strncmp(line, "finished=", 9) == 0) read_finished_list(app->progress_, line + 9);
    };
    handler.WriteAllFn = [](ImGuiContext*, ImGuiSettingsHandler* self, ImGuiTextBuffer* out) {
        const App* app = static_cast<const App*>(self->UserData);
        out->appendf("[memsim][settings]\ntheme=%d\nfont_size=%.3f\nreduce_motion=%d\nwelcomed=%d\nfinished=%s\n\n",
                     app->theme_ == Theme::Light ? 1 : 0, static_cast<double>(app->font_size_factor_),
                     app->reduce_motion_ ? 1 : 0, app->progress_.welcomed ? 1 : 0, finished_list(app->progress_).c_str());
    };
    ImGui::GetCurrentContext()->SettingsHandlers.push_back(handler);
}

}  // namespace memsim::ui
