#include <catch2/catch.hpp>

#include "ui/layout.hpp"

using memsim::ui::compute_layout;
using memsim::ui::Rect;

namespace {
bool inside(const Rect& r, float w, float h) {
    return r.x >= 0 && r.y >= 0 && r.x + r.width <= w + 0.01f && r.y + r.height <= h + 0.01f;
}
float area(const Rect& r) { return r.width * r.height; }
}  // namespace

TEST_CASE("The panels tile the space between menu bar and status line without overlap", "[ui][layout]") {
    const auto layout = compute_layout(1280, 800, 20, 20, 60);
    const Rect all[] = {layout.controls, layout.source, layout.stack, layout.heap, layout.virtual_memory, layout.events, layout.statistics};
    float total = 0;
    for (const Rect& r : all) {
        total += area(r);
        CHECK(inside(r, 1280, 780));
        CHECK(r.y >= 20);
    }
    CHECK(total == Approx(1280.0f * 760.0f));
    CHECK(layout.controls.height == Approx(60));
    CHECK(layout.source.y == Approx(80));
    CHECK(layout.stack.x == Approx(layout.source.width));
    CHECK(layout.heap.x == Approx(layout.stack.x + layout.stack.width));
    CHECK(layout.events.y == Approx(layout.heap.y + layout.heap.height));
    CHECK(layout.statistics.x == Approx(layout.events.x + layout.events.width));
}

TEST_CASE("A paging trace gives the stack's and heap's space to virtual memory", "[ui][layout]") {
    const auto layout = compute_layout(1000, 800, 20, 20, 60, {.stack = false, .heap = false, .virtual_memory = true});
    CHECK(layout.stack.width * layout.stack.height == 0);
    CHECK(layout.heap.width * layout.heap.height == 0);
    CHECK(layout.virtual_memory.x == Approx(layout.source.width));
    CHECK(layout.virtual_memory.width == Approx(1000 - layout.source.width));
    const auto heap_only = compute_layout(1000, 800, 20, 20, 60, {.stack = false, .heap = true, .virtual_memory = false});
    CHECK(heap_only.heap.width == Approx(1000 - heap_only.source.width));
    CHECK(heap_only.virtual_memory.width * heap_only.virtual_memory.height == 0);
}

TEST_CASE("A display smaller than the bars gives empty panels, never negative sizes", "[ui][layout]") {
    const auto layout = compute_layout(10, 15, 20, 20, 60);
    for (const Rect& r : {layout.controls, layout.source, layout.stack, layout.heap, layout.virtual_memory, layout.events, layout.statistics}) {
        CHECK(r.width >= 0);
        CHECK(r.height >= 0);
    }
}

#include "ui/address_space_overview.hpp"

TEST_CASE("The 32-bit overview has one cell per page and keeps small regions visible when shrunk", "[ui][overview]") {
    using namespace memsim::ui;
    const auto overview = classic_32bit_layout();
    REQUIRE(overview.cells.size() == (1u << 20));
    // Page 0x08048 (text) and the last stack page below 0xC0000000.
    CHECK(overview.cells[0x08048] == static_cast<std::uint8_t>(PageCell::Text));
    CHECK(overview.cells[0xBFFFF] == static_cast<std::uint8_t>(PageCell::Stack));
    CHECK(overview.cells[0xC0000] == static_cast<std::uint8_t>(PageCell::Kernel));
    CHECK(overview.cells[0] == static_cast<std::uint8_t>(PageCell::Unmapped));

    CHECK(reduction_factor(1024, 300.0f) == 4);
    CHECK(reduction_factor(1024, 2000.0f) == 1);
    const auto small = reduce_by_max(overview, 4);
    CHECK(small.columns == 256);
    CHECK(small.rows == 256);
    // 0x08048 = row 32, column 72 -> reduced cell (8, 18): text wins over unmapped.
    CHECK(small.cells[8 * 256 + 18] == static_cast<std::uint8_t>(PageCell::Text));
}

TEST_CASE("Console and Compare share the lower row with Events and Statistics", "[ui][layout]") {
    const auto plain = compute_layout(1600, 1000, 20, 20, 60);
    CHECK(plain.console.width * plain.console.height == 0);
    CHECK(plain.compare.width * plain.compare.height == 0);
    const auto both = compute_layout(1600, 1000, 20, 20, 60, {.console = true, .compare = true});
    const Rect row[] = {both.events, both.console, both.compare, both.statistics};
    float width = 0;
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(row[i].width > 100);
        CHECK(row[i].y == Approx(both.events.y));
        CHECK(row[i].height == Approx(both.events.height));
        if (i > 0) CHECK(row[i].x == Approx(row[i - 1].x + row[i - 1].width));
        width += row[i].width;
    }
    CHECK(both.events.x + width == Approx(1600));
    const auto compare_only = compute_layout(1600, 1000, 20, 20, 60, {.compare = true});
    CHECK(compare_only.console.width == 0);
    CHECK(compare_only.compare.x == Approx(compare_only.events.x + compare_only.events.width));
    CHECK(compare_only.statistics.x + compare_only.statistics.width == Approx(1600));
}

TEST_CASE("A lesson takes the bottom of the source column; the other panels keep their places", "[ui][layout]") {
    const auto plain = compute_layout(1280, 800, 20, 20, 60);
    const auto lesson = compute_layout(1280, 800, 20, 20, 60, {.lesson = true});
    CHECK(area(plain.lesson) == 0);
    CHECK(lesson.source.y == Approx(plain.source.y));
    CHECK(lesson.lesson.y == Approx(lesson.source.y + lesson.source.height));
    CHECK(lesson.lesson.y + lesson.lesson.height == Approx(plain.source.y + plain.source.height));
    CHECK(area(lesson.source) + area(lesson.lesson) == Approx(area(plain.source)));
    CHECK(lesson.events.x == Approx(plain.events.x));
    CHECK(lesson.stack.x == Approx(plain.stack.x));
}

TEST_CASE("Panels a page leaves out (?panels=stack,heap) give their space to the others", "[ui][layout]") {
    const memsim::ui::ShownPanels two{.stack = true, .heap = true, .virtual_memory = false,
                                      .source = false, .events = false, .statistics = false};
    const auto layout = compute_layout(1000, 800, 0, 0, 60, two);
    CHECK(area(layout.source) == 0);
    CHECK(area(layout.events) == 0);
    CHECK(area(layout.statistics) == 0);
    CHECK(area(layout.virtual_memory) == 0);
    CHECK(layout.stack.x == Approx(0));
    CHECK(layout.heap.height == Approx(740));
    CHECK(area(layout.stack) + area(layout.heap) == Approx(1000.0f * 740.0f));
    const memsim::ui::ShownPanels source_only{.stack = false, .heap = false, .virtual_memory = false,
                                              .source = true, .events = false, .statistics = false};
    CHECK(area(compute_layout(1000, 800, 0, 0, 60, source_only).source) == Approx(1000.0f * 740.0f));
}

TEST_CASE("A C program's memory diagram shares the upper row with Heap over Virtual memory, and a wide Source still tiles",
          "[ui][layout]") {
    for (bool wide : {false, true}) {
        const memsim::ui::ShownPanels shown{.console = true, .lesson = true, .diagram = true, .wide_source = wide};
        const auto layout = compute_layout(1366, 768, 20, 20, 60, shown);
        const Rect all[] = {layout.controls, layout.source, layout.lesson, layout.stack, layout.diagram, layout.heap,
                            layout.virtual_memory, layout.events, layout.console, layout.statistics};
        float total = 0;
        for (const Rect& r : all) {
            total += area(r);
            CHECK(inside(r, 1366, 748));
        }
        CHECK(total == Approx(1366.0f * 728.0f));  // no overlap, no gap (controls strip included)
        CHECK(layout.diagram.width > layout.heap.width);
        CHECK(layout.heap.x == Approx(layout.diagram.x + layout.diagram.width));
        CHECK(layout.virtual_memory.y == Approx(layout.heap.y + layout.heap.height));
        CHECK(layout.source.width == Approx(1366.0f * (wide ? 0.45f : 0.22f)));
    }
}

TEST_CASE("A C program's Heap alone beside the diagram gets a taller upper row for its block table", "[ui][layout]") {
    // 1366x768 with a 20-pixel menu bar and status line and a 60-pixel controls strip: 668
    // pixels of panels. The narrow Heap column takes 68% of them, not 60%.
    const memsim::ui::ShownPanels program{.virtual_memory = false, .console = true, .lesson = true, .diagram = true};
    const auto layout = compute_layout(1366, 768, 20, 20, 60, program);
    CHECK(layout.heap.height == Approx(668.0f * 0.68f));
    CHECK(layout.heap.x == Approx(layout.diagram.x + layout.diagram.width));
    CHECK(layout.events.y == Approx(layout.heap.y + layout.heap.height));
    CHECK(layout.events.y + layout.events.height == Approx(748.0f));
    // With Virtual memory under it the row keeps its usual share.
    const memsim::ui::ShownPanels with_vm{.console = true, .lesson = true, .diagram = true};
    CHECK(compute_layout(1366, 768, 20, 20, 60, with_vm).diagram.height == Approx(668.0f * 0.60f));
}
