// The memory diagram's layout: no two boxes overlap, every arrow starts in its
// pointer's row and ends on its target, on the structures course programs build.
#include <catch2/catch.hpp>

#include "../engine/machine/diagram_programs.hpp"

#include <cmath>

#include "memsim/machine/simulator.hpp"
#include "ui/panels/diagram_layout.hpp"
#include "ui/panels/heap_panel.hpp"
#include "ui/panels/stack_panel.hpp"

using namespace memsim;
using namespace memsim::ui;

namespace {

// The snapshot just before the program's `line` runs.
machine::Snapshot at_line(const std::string& source, int line) {
    auto sim = machine::Simulator::load(source);
    REQUIRE(sim);
    while (!sim->at_end()) {
        sim->step_forward();
        if (sim->snapshot().line == line) return sim->snapshot();
    }
    FAIL("never reached line " << line);
    return {};
}

bool overlap(const DiagramBox& a, const DiagramBox& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

bool on_edge(const DiagramBox& b, float x, float y) {
    const bool within_y = y >= b.y - 0.5f && y <= b.y + b.height + 0.5f;
    const bool within_x = x >= b.x - 0.5f && x <= b.x + b.width + 0.5f;
    const bool side = within_y && (std::fabs(x - b.x) < 0.5f || std::fabs(x - (b.x + b.width)) < 0.5f);
    const bool top_or_bottom = within_x && (std::fabs(y - b.y) < 0.5f || std::fabs(y - (b.y + b.height)) < 0.5f);
    return side || top_or_bottom;
}

// The checks every diagram must pass.
void check_layout(const DiagramModel& model, const DiagramMetrics& m) {
    for (std::size_t i = 0; i < model.boxes.size(); ++i) {
        for (std::size_t j = i + 1; j < model.boxes.size(); ++j) {
            INFO(model.boxes[i].title << " and " << model.boxes[j].title);
            CHECK_FALSE(overlap(model.boxes[i], model.boxes[j]));
        }
    }
    for (const DiagramArrow& a : model.arrows) {
        INFO("arrow " << a.from_name);
        const DiagramBox& from = model.boxes[a.from_box];
        const DiagramRow& row = from.rows[a.from_row];
        CHECK(row.pointer);
        CHECK(row.address == a.from);
        CHECK(a.x0 > from.x);
        CHECK(a.x0 < from.x + from.width);
        CHECK(a.y0 > from.y + row.y);
        CHECK(a.y0 < from.y + row.y + m.line_height);
        if (a.to_box >= 0) {
            const DiagramBox& to = model.boxes[static_cast<std::size_t>(a.to_box)];
            CHECK(on_edge(to, a.x1, a.y1));
            CHECK(a.to >= to.address);
            if (to.kind == DiagramBoxKind::Heap) CHECK(a.to < to.address + std::max<std::uint64_t>(to.size, 1));
        } else {
            CHECK_FALSE(a.label.empty());
        }
    }
}

// A process's diagram, checked as every diagram must be.
DiagramModel checked_diagram(const machine::ProcessView& process, const DiagramMetrics& m = {}) {
    DiagramModel model = make_diagram(process, m);
    check_layout(model, m);
    return model;
}

const std::string list_program =
    "#include <stdlib.h>\n"
    "struct node { int value; struct node *next; };\n"
    "int main(void) {\n"
    "    struct node *list = 0;\n"
    "    for (int i = 0; i < 10; i++) { struct node *n = malloc(sizeof(struct node)); n->value = i; n->next = list; list = n; }\n"
    "    return 0;\n"
    "}\n";

int count_boxes(const DiagramModel& model, DiagramBoxKind kind) {
    return static_cast<int>(std::count_if(model.boxes.begin(), model.boxes.end(), [&](const DiagramBox& b) { return b.kind == kind; }));
}

}  // namespace

TEST_CASE("A linked list of ten nodes is a chain of arrows that wraps into bands in a narrow panel", "[ui][diagram]") {
    const machine::Snapshot snap = at_line(list_program, 6);
    for (float width : {2400.0f, 700.0f, 300.0f}) {
        DiagramMetrics m;
        m.available_width = width;
        const DiagramModel model = make_diagram(snap.processes[0], m);
        INFO("width " << width);
        REQUIRE(model.has_program);
        CHECK(count_boxes(model, DiagramBoxKind::Heap) == 10);
        CHECK(count_boxes(model, DiagramBoxKind::Frame) == 1);
        check_layout(model, m);
        // main.list, main.n and nine next pointers; the last next is NULL (a crossed slot).
        CHECK(model.arrows.size() == 11);
        if (width < 1000.0f) CHECK(model.width <= width + m.column_gap * 2 + 400.0f);
    }
}

TEST_CASE("A binary tree of seven nodes lies sideways by depth, every child an arrow", "[ui][diagram]") {
    const machine::Snapshot snap = at_line(memsim::test_programs::binary_tree, memsim::test_programs::binary_tree_end_line);
    DiagramMetrics m;
    m.available_width = 1600.0f;
    const DiagramModel model = checked_diagram(snap.processes[0], m);
    CHECK(count_boxes(model, DiagramBoxKind::Heap) == 7);
    CHECK(model.arrows.size() == 7);  // root + 6 children
    // Three levels: three distinct columns of heap boxes.
    std::vector<float> xs;
    for (const DiagramBox& b : model.boxes) {
        if (b.kind == DiagramBoxKind::Heap && std::find(xs.begin(), xs.end(), b.x) == xs.end()) xs.push_back(b.x);
    }
    CHECK(xs.size() == 3);
}

TEST_CASE("A 2-D array of row pointers and a doubly linked list keep every arrow on its target", "[ui][diagram]") {
    const machine::Snapshot rows = at_line(
        "#include <stdlib.h>\n"
        "int main(void) {\n"
        "    int **grid = malloc(3 * sizeof(int *));\n"
        "    for (int r = 0; r < 3; r++) { grid[r] = malloc(4 * sizeof(int)); for (int c = 0; c < 4; c++) grid[r][c] = r * 4 + c; }\n"
        "    return 0;\n"
        "}\n",
        5);
    const DiagramModel grid = checked_diagram(rows.processes[0]);
    CHECK(count_boxes(grid, DiagramBoxKind::Heap) == 4);
    CHECK(grid.arrows.size() == 4);  // grid and its three rows
    const machine::Snapshot doubly = at_line(
        "#include <stdlib.h>\n"
        "struct node { int value; struct node *prev; struct node *next; };\n"
        "int main(void) {\n"
        "    struct node *head = 0;\n"
        "    struct node *tail = 0;\n"
        "    for (int i = 0; i < 4; i++) {\n"
        "        struct node *n = malloc(sizeof(struct node)); n->value = i; n->next = 0; n->prev = tail;\n"
        "        if (tail) tail->next = n; else head = n;\n"
        "        tail = n;\n"
        "    }\n"
        "    return 0;\n"
        "}\n",
        11);
    const DiagramModel model = checked_diagram(doubly.processes[0]);
    CHECK(model.arrows.size() == 3 + 3 + 3);  // head, tail, n; three next; three prev
}

TEST_CASE("The leaked node is outlined as leaked and a pointer into a freed block ends in a labelled stub", "[ui][diagram]") {
    const std::string source =
        "#include <stdlib.h>\n"
        "struct node { int value; struct node *next; };\n"
        "int main(void) {\n"
        "    struct node *a = malloc(sizeof(struct node));\n"
        "    a->next = malloc(sizeof(struct node));\n"
        "    a->next->next = 0;\n"
        "    free(a);\n"
        "    return 0;\n"
        "}\n";
    const machine::Snapshot snap = at_line(source, 8);
    const DiagramModel model = checked_diagram(snap.processes[0]);
    REQUIRE(count_boxes(model, DiagramBoxKind::Heap) == 1);
    for (const DiagramBox& b : model.boxes) {
        if (b.kind == DiagramBoxKind::Heap) CHECK(b.leaked);
    }
    bool freed = false;
    for (const DiagramArrow& a : model.arrows) freed = freed || (a.target == machine::PointerTarget::Freed && a.label == "freed block");
    CHECK(freed);
    // The heap panel marks the same block.
    const HeapView heap = make_heap_view(snap, "segregated");
    CHECK(std::count_if(heap.blocks.begin(), heap.blocks.end(), [](const HeapBlockRow& r) { return r.leaked; }) == 1);
}

TEST_CASE("argv points to the top of the stack, labelled so, not called wild", "[ui][diagram]") {
    const std::string source =
        "int main(int argc, char *argv[]) {\n"
        "    int n = argc;\n"
        "    return n - 1;\n"
        "}\n";
    const machine::Snapshot snap = at_line(source, 3);
    const DiagramModel model = checked_diagram(snap.processes[0]);
    bool labelled = false;
    for (const DiagramArrow& a : model.arrows) {
        CHECK(a.label != "wild");
        labelled = labelled || (a.from_name.ends_with("argv") && a.label == "stack top (argv)");
    }
    CHECK(labelled);
    // The Stack panel shows the block the kernel wrote above main's frame.
    const StackView stack = make_stack_view(snap);
    REQUIRE(stack.frames.size() == 2);
    CHECK(stack.frames.front().arguments);
    CHECK(stack.frames.back().function == "main");
}

TEST_CASE("The heap bar widens blocks too small to see and says it is not to scale", "[ui][heap]") {
    HeapView view;
    view.has_heap = true;
    view.start = 0x1000;
    view.end = 0x1000 + (1u << 20);
    // A 64-byte hole between two large blocks.
    const std::uint64_t big = (1u << 19) - 32;
    view.blocks.push_back({.block = {.block = 0x1000, .size = big, .payload = 0x1010, .requested = big - 16, .allocated = true}});
    view.blocks.push_back({.block = {.block = 0x1000 + big, .size = 64, .payload = 0, .requested = 0, .allocated = false}});
    view.blocks.push_back({.block = {.block = 0x1000 + big + 64, .size = big, .payload = 0x1000 + big + 80, .requested = big - 16, .allocated = true}});
    for (std::size_t i = 0; i < view.blocks.size(); ++i) {
        const auto& b = view.blocks[i].block;
        view.segments.push_back({b.block, b.block + b.size, b.allocated ? HeapPart::Payload : HeapPart::Free, i});
    }
    const HeapBarScale scale = make_bar_scale(view, 400.0f, 6.0f);
    CHECK_FALSE(scale.to_scale);
    const float hole = scale.x_of(0x1000 + big + 64) - scale.x_of(0x1000 + big);
    CHECK(hole >= 6.0f - 0.01f);
    CHECK(scale.x_of(view.end) == Approx(400.0f));
    CHECK(scale.address_of(scale.x_of(0x1000 + big + 10)) >= 0x1000 + big);
    // Wide enough to show every block: to scale.
    const HeapBarScale wide = make_bar_scale(view, 200000.0f, 6.0f);
    CHECK(wide.to_scale);
}

TEST_CASE("On x-86-64 the stack panel shows each local's value and type, read from memory", "[ui][stack]") {
    const machine::Snapshot snap = at_line(
        "int main(void) {\n"
        "    int sum = -3;\n"
        "    char *name = \"ab\";\n"
        "    int later;\n"
        "    return sum;\n"
        "}\n",
        5);
    const StackView view = make_stack_view(snap);
    REQUIRE(view.frames.size() == 1);
    std::map<std::string, StackSlotRow> by_name;
    for (const StackSlotRow& s : view.frames[0].slots) by_name[s.name] = s;
    CHECK(by_name["sum"].value == "-3");
    CHECK(by_name["sum"].type == "int");
    CHECK(by_name["name"].value.rfind("0x", 0) == 0);
    CHECK(by_name["name"].type == "char *");
    CHECK(by_name["later"].value == "?");
}
