#pragma once
// The memory diagram's view model: boxes for the globals, each stack frame, each heap
// block and the string literals, with a row per variable or field, and an arrow from
// every pointer to what it points at. Built from the Snapshot's ProgramView alone (the
// engine read every value from memory), laid out here without ImGui so tests can check
// that no boxes overlap and that every arrow joins its pointer to its target.
//
//   globals    | heap, by distance from the stack (a column per pointer hop;
//   frames     | the columns wrap into bands below when the panel is narrow)
//   strings    |
//
//   main                 0x4052a0 struct node     0x405280 struct node
//   +--------------+     +------------------+     +------------------+
//   | list     *---+---->| value  30        |  +->| value  20        |
//   | sum      60  |     | next   *---------+--+  | next   NULL  [x] |
//   +--------------+     +------------------+     +------------------+
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "memsim/machine/snapshot.hpp"

namespace memsim::ui {

// Sizes in pixels the layout works with (the panel passes its font's).
struct DiagramMetrics {
    float line_height = 18.0f;       // = 18 // one row
    float char_width = 8.0f;         // = 8  // monospace advance
    float padding = 6.0f;            // = 6  // inside a box
    float column_gap = 56.0f;        // = 56 // between columns, room for arrows
    float row_gap = 14.0f;           // = 14 // between boxes of a column
    float available_width = 900.0f;  // = 900 // the panel's width: heap columns wrap past it
    std::size_t max_value_chars = 22;  // = 22 // longer values are elided with "..."
};

enum class DiagramBoxKind : std::uint8_t { Globals, Frame, Heap, Strings };

// One line of a box: a variable, a field or an array element.
struct DiagramRow {
    std::string name{};          // "list", "next", "[2]"; indented by `depth`
    std::string value{};         // "60", "NULL", "0x4052a0", "?" when uninitialised
    std::uint64_t address = 0, size = 0;
    bool pointer = false;      // draws a dot and an arrow
    bool null = false;         // a NULL pointer: a crossed slot
    bool initialized = true;
    int depth = 0;             // 0 for variables, 1 for their fields, ...
    float y = 0;               // top, relative to the box
};

struct DiagramBox {
    DiagramBoxKind kind = DiagramBoxKind::Frame;
    std::string title{};         // "main", "0x4052a0", "globals", "string literals"
    std::string type{};          // heap blocks: "struct node"
    std::uint64_t address = 0, size = 0;  // the bytes it shows (frames: SP .. caller's SP)
    float x = 0, y = 0, width = 0, height = 0;
    std::vector<DiagramRow> rows{};
    bool newest = false;       // the running function's frame
    bool leaked = false;       // a heap block nothing reaches any more
    std::string reach{};         // heap blocks: Valgrind's verdict ("definitely lost", ...)
};

// An arrow from the dot of a pointer row to its target (a box's row or edge); pointers
// into freed blocks, popped frames or nowhere end in a short stub with a label.
struct DiagramArrow {
    std::size_t from_box = 0, from_row = 0;
    int to_box = -1, to_row = -1;  // -1: no box (stub) / the box's top edge
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    machine::PointerTarget target = machine::PointerTarget::Wild;
    std::string from_name{};         // "main.list"
    std::uint64_t from = 0, to = 0;
    std::string label{};             // stubs: "freed", "popped frame", "wild"
    bool vertical = false;           // enters its target's top or bottom edge (a box in the same column)
};

struct DiagramModel {
    std::vector<DiagramBox> boxes{};
    std::vector<DiagramArrow> arrows{};
    float width = 0, height = 0;   // the extent of everything placed
    bool has_program = false;
    std::size_t blocks_omitted = 0;  // heap blocks past the most a diagram draws
};

DiagramModel make_diagram(const machine::ProcessView& process, const DiagramMetrics& metrics);

// The box under a point (diagram coordinates), or -1.
int diagram_box_at(const DiagramModel& model, float x, float y);
// The arrow passing within `tolerance` pixels of a point, or -1.
int diagram_arrow_at(const DiagramModel& model, float x, float y, float tolerance);
// The points of an arrow's curve (its route), `segments` + 1 of them, for drawing and hit tests.
std::vector<std::pair<float, float>> diagram_arrow_route(const DiagramArrow& arrow, int segments);

}  // namespace memsim::ui
