#pragma once
// Stack: the current process's call stack to scale, oldest frame at the top (highest
// addresses) and the newest at the bottom, as the stack grows down. Each slot shows its
// address, what it is (argument, register argument, return address, saved frame
// pointer, local, padding), its name and value; SP and FP point at their slots; below
// the free stack lie the limit and the guard page.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/snapshot.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct StackSlotRow {
    std::uint64_t address = 0;
    std::uint32_t size = 0;
    stack::SlotKind slot_kind = stack::SlotKind::Local;
    std::string kind;    // "argument", "return address", ...
    std::string name;    // slot name; register for register arguments
    std::string value;   // "42", "0x8048123", "?" (uninitialised), "" (padding)
    std::string type{};  // a program variable's C type ("int *"); empty otherwise
    bool is_padding = false;
    bool at_sp = false;  // SP points at this slot's lowest byte
    bool at_fp = false;  // FP points here (the saved frame pointer)
};

struct StackFrameBox {
    std::string function;
    std::uint64_t high = 0, low = 0;  // [low, high): the frame's bytes
    std::vector<StackSlotRow> slots;  // highest address first
    bool newest = false;
    bool arguments = false;           // not a call: argc, argv and its strings, written by the kernel
};

struct StackView {
    bool has_stack = false;
    std::uint32_t pid = 0;
    std::string process_state;
    std::uint64_t top = 0, sp = 0, fp = 0, floor = 0;   // floor: lowest usable byte (the limit)
    std::uint64_t guard_low = 0;                        // guard page: [guard_low, floor)
    std::uint64_t used = 0, limit = 0;                  // bytes in use, bytes allowed
    std::vector<StackFrameBox> frames;                  // oldest first (top of the picture)
};

// The view of the snapshot's current process (or its first), with a guard page of
// `guard_size` bytes.
StackView make_stack_view(const machine::Snapshot& snapshot, std::uint64_t guard_size = 4096);

// "argument", "register argument", "return address", "saved frame pointer", "local", "padding".
const char* slot_kind_label(stack::SlotKind kind);

void draw_stack_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
