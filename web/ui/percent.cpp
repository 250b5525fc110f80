#include "ui/percent.hpp"

#include <cmath>
#include <cstdio>

namespace memsim::ui {

std::string percent_text(double fraction) {
    if (!(fraction > 0.0)) return "0%";  // also NaN: nothing counted yet
    if (fraction >= 1.0) return "100%";
    const double p = fraction * 100.0;
    char text[16];
    if (p < 0.1) return "<0.1%";
    if (p > 99.9) return ">99.9%";
    // Whole percents in the middle; one decimal where rounding would reach 0 or 100.
    if (p < 1.0 || p > 99.0) std::snprintf(text, sizeof text, "%.1f%%", p);
    else std::snprintf(text, sizeof text, "%.0f%%", p);
    return text;
}

}  // namespace memsim::ui
