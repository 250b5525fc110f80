#include <catch2/catch.hpp>

#include "ui/layout.hpp"

using memsim::ui::compute_layout;
using memsim::ui::Rect;

namespace {
bool inside(const Rect& r, float w, float h) {
    return r.x >= 0 && r.y >= 0 && r.x + r.width <= w + 0.01f && r.y + r.height <= h + 0.01f;
}
}  // namespace

TEST_CASE("The panels tile the space between menu bar and status line without overlap", "[ui][layout]") {
    const auto layout = compute_layout(1280, 800, 20, 20);
    const float area = layout.stack.width * layout.stack.height + layout.heap.width * layout.heap.height +
                       layout.virtual_memory.width * layout.virtual_memory.height +
                       layout.events.width * layout.events.height;
    CHECK(area == Approx(1280.0f * 760.0f));
    for (const Rect& r : {layout.stack, layout.heap, layout.virtual_memory, layout.events}) {
        CHECK(inside(r, 1280, 780));
        CHECK(r.y >= 20);
    }
    CHECK(layout.heap.x == Approx(layout.stack.width));
    CHECK(layout.events.y == Approx(layout.heap.y + layout.heap.height));
}

TEST_CASE("A display smaller than the bars gives empty panels, never negative sizes", "[ui][layout]") {
    const auto layout = compute_layout(10, 15, 20, 20);
    for (const Rect& r : {layout.stack, layout.heap, layout.virtual_memory, layout.events}) {
        CHECK(r.width >= 0);
        CHECK(r.height >= 0);
    }
}
