#include "ui/style.hpp"

#include <cstddef>

#include "imgui.h"

extern const unsigned char font_ui_ttf[];
extern const std::size_t font_ui_ttf_size;
extern const unsigned char font_mono_ttf[];
extern const std::size_t font_mono_ttf_size;

namespace memsim::ui {
namespace {

ImFont* add_embedded_font(const unsigned char* data, std::size_t size, float pixels) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // the data is a static array in the binary
    config.OversampleH = 2;
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data),
                                                      static_cast<int>(size), pixels, &config);
}

}  // namespace

Fonts load_fonts(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    Fonts fonts;
    fonts.ui = add_embedded_font(font_ui_ttf, font_ui_ttf_size, 15.0f * scale);
    fonts.mono = add_embedded_font(font_mono_ttf, font_mono_ttf_size, 14.0f * scale);
    io.Fonts->Build();
    return fonts;
}

void apply_style(Theme theme, float scale) {
    ImGuiStyle style;
    if (theme == Theme::Dark) {
        ImGui::StyleColorsDark(&style);
        style.Colors[ImGuiCol_WindowBg] = ImVec4(0.10f, 0.11f, 0.13f, 1.0f);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    // Gauges and plots in the palette's blue and orange (Okabe-Ito), readable under white text.
    style.Colors[ImGuiCol_PlotHistogram] = ImVec4(0.0f, 0.447f, 0.698f, 1.0f);
    style.Colors[ImGuiCol_PlotLines] = theme == Theme::Dark ? ImVec4(0.337f, 0.706f, 0.914f, 1.0f)
                                                            : ImVec4(0.0f, 0.447f, 0.698f, 1.0f);
    style.WindowRounding = 4.0f;
    style.FrameRounding = 3.0f;
    style.WindowBorderSize = 1.0f;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace memsim::ui
