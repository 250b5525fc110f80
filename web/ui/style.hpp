#pragma once
// Look and feel: fonts (embedded TTFs rasterised at the current UI scale, so text is
// sharp on high-DPI screens) and the dark and light themes.
struct ImFont;

namespace memsim::ui {

enum class Theme { Dark, Light };

// Fonts loaded into ImGui's atlas at one scale.
struct Fonts {
    ImFont* ui = nullptr;    // proportional text
    ImFont* mono = nullptr;  // addresses, values, code
};

// Rebuilds the font atlas for `scale` (1 = 96 dpi). The caller re-uploads the texture.
Fonts load_fonts(float scale);

// Applies colours and sizes for a theme at a UI scale.
void apply_style(Theme theme, float scale);

}  // namespace memsim::ui
