#include <catch2/catch.hpp>
#include <string>

#include "imgui.h"
#include "ui/app.hpp"

TEST_CASE("Theme and text size are saved and restored with ImGui's ini settings", "[ui][settings]") {
    ImGuiContext* context = ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    memsim::ui::App app({.platform_name = "test", .can_quit = false});
    app.install_settings_handler();
    CHECK(app.controller().loaded());  // the app opens on a lesson
    ImGui::LoadIniSettingsFromMemory("[memsim][settings]\ntheme=1\nfont_size=1.25\n\n");
    CHECK(app.theme() == memsim::ui::Theme::Light);
    CHECK(app.font_size_factor() == Approx(1.25f));
    app.set_theme(memsim::ui::Theme::Dark);
    const std::string saved = ImGui::SaveIniSettingsToMemory();
    CHECK(saved.find("[memsim][settings]\ntheme=0\nfont_size=1.250") != std::string::npos);
    ImGui::DestroyContext(context);
}
