// The memory diagram of a C program: values, types, typed heap blocks, pointer edges
// and reachability, on small programs worked by hand.
#include <catch2/catch.hpp>

#include "diagram_programs.hpp"

#include "memsim/machine/simulator.hpp"
#include "memsim/report/machine_json.hpp"

using namespace memsim::machine;

namespace {

// Steps until the next statement to run is on `line` (its `nth` visit), so the snapshot
// shows memory just before it.
void run_to_line(Simulator& sim, int line, int nth = 1) {
    int seen = 0;
    while (!sim.at_end()) {
        sim.step_forward();
        if (sim.snapshot().line == line && ++seen == nth) return;
    }
    FAIL("the program never reached line " << line);
}

const ProgramView& view_of(const Snapshot& snap) {
    REQUIRE(snap.processes.size() >= 1);
    REQUIRE(snap.processes[0].program.has_value());
    return *snap.processes[0].program;
}

const ValueView& variable(const ProgramView& view, const std::string& function, const std::string& name) {
    for (const FrameVariables& f : view.frames) {
        if (f.function != function) continue;
        for (const ValueView& v : f.variables) {
            if (v.name == name) return v;
        }
    }
    FAIL("no variable " << function << "." << name);
    static ValueView none;
    return none;
}

const DiagramEdge* edge_from(const ProgramView& view, const std::string& from_name) {
    for (const DiagramEdge& e : view.edges) {
        if (e.from_name == from_name) return &e;
    }
    return nullptr;
}

const HeapObject* block_at(const ProgramView& view, std::uint64_t payload) {
    for (const HeapObject& b : view.blocks) {
        if (b.payload == payload) return &b;
    }
    return nullptr;
}

const char* linked_list =
    "#include <stdio.h>\n"                                        // 1
    "#include <stdlib.h>\n"                                       // 2
    "struct node { int value; struct node *next; };\n"            // 3
    "struct node *push(struct node *head, int value) {\n"         // 4
    "    struct node *n = malloc(sizeof(struct node));\n"         // 5
    "    n->value = value;\n"                                     // 6
    "    n->next = head;\n"                                       // 7
    "    return n;\n"                                             // 8
    "}\n"                                                         // 9
    "int main(void) {\n"                                          // 10
    "    struct node *list = 0;\n"                                // 11
    "    for (int i = 1; i <= 3; i++) list = push(list, i * 10);\n"  // 12
    "    int sum = 0;\n"                                          // 13
    "    for (struct node *p = list; p != 0; p = p->next) sum = sum + p->value;\n"  // 14
    "    struct node *second = list->next;\n"                     // 15
    "    free(list);\n"                                           // 16
    "    free(second);\n"                                         // 17
    "    printf(\"%d\\n\", sum);\n"                               // 18
    "    return 0;\n"                                             // 19
    "}\n";

}  // namespace

TEST_CASE("A plain C file with no front matter runs as a 64-bit program", "[machine][program][diagram]") {
    auto sim = Simulator::load(linked_list);
    REQUIRE(sim);
    CHECK(sim->snapshot().kind == "program");
    sim->run_to_end();
    CHECK(sim->snapshot().output == "60\n");
    REQUIRE(sim->snapshot().processes.size() == 1);
    CHECK(sim->snapshot().processes[0].regions.back().end > 0xffffffffull);  // the x86-64 layout
}

TEST_CASE("Every variable of a program shows the value memory holds, with its C type", "[machine][program][diagram]") {
    auto sim = Simulator::load(linked_list);
    REQUIRE(sim);
    run_to_line(*sim, 15);
    const Snapshot snap = sim->snapshot();
    const ProgramView& view = view_of(snap);
    const ValueView& sum = variable(view, "main", "sum");
    CHECK(sum.type == "int");
    CHECK(sum.initialized);
    CHECK(sum.value == 60);
    CHECK(sum.text == "60");
    const ValueView& second = variable(view, "main", "second");
    CHECK(second.type == "struct node *");
    CHECK_FALSE(second.initialized);  // declared, not yet assigned
    // The stack panel's slots carry the same values.
    bool slot_seen = false;
    for (const auto& slot : snap.processes[0].frames.back().slots) {
        if (slot.name != "sum") continue;
        slot_seen = true;
        CHECK(slot.initialized);
        CHECK(slot.value == 60);
        CHECK(slot.type == "int");
    }
    CHECK(slot_seen);
}

TEST_CASE("Heap blocks take the type of the pointer their address was stored in, and the list is a chain of edges",
          "[machine][program][diagram]") {
    auto sim = Simulator::load(linked_list);
    REQUIRE(sim);
    run_to_line(*sim, 15);
    const Snapshot snap_1 = sim->snapshot();
    const ProgramView& view = view_of(snap_1);
    REQUIRE(view.blocks.size() == 3);
    // list -> node 30 -> node 20 -> node 10 -> NULL, each node a typed struct.
    const DiagramEdge* head = edge_from(view, "main.list");
    REQUIRE(head != nullptr);
    CHECK(head->target == PointerTarget::Heap);
    std::uint64_t at = head->to;
    for (int expected : {30, 20, 10}) {
        const HeapObject* node = block_at(view, at);
        REQUIRE(node != nullptr);
        CHECK(node->type == "struct node");
        CHECK(node->reach == Reach::Reachable);
        REQUIRE(node->value.fields.size() == 2);
        CHECK(node->value.fields[0].name == "value");
        CHECK(static_cast<int>(node->value.fields[0].value) == expected);
        CHECK(node->value.fields[1].type == "struct node *");
        CHECK(node->value.fields[1].offset == 8);  // LP64: int, 4 bytes of padding, pointer
        const DiagramEdge* next = nullptr;
        for (const DiagramEdge& e : view.edges) {
            if (e.from == at + 8) next = &e;
        }
        REQUIRE(next != nullptr);
        char name[40];
        std::snprintf(name, sizeof name, "0x%llx.next", static_cast<unsigned long long>(at));
        CHECK(next->from_name == name);
        at = next->to;
        if (expected == 10) {
            CHECK(next->target == PointerTarget::Null);
        } else {
            CHECK(next->target == PointerTarget::Heap);
        }
    }
    // The newest node is pointed to by main.list; names say so.
    const HeapObject* newest = block_at(view, head->to);
    REQUIRE(newest != nullptr);
    CHECK(std::find(newest->names.begin(), newest->names.end(), "main.list") != newest->names.end());
}

TEST_CASE("A freed block still pointed to is a freed edge, and the node nothing reaches is a leak from that step on",
          "[machine][program][diagram][leak]") {
    auto sim = Simulator::load(linked_list);
    REQUIRE(sim);
    run_to_line(*sim, 17);  // free(list) has run; free(second) is next
    {
        const Snapshot snap_2 = sim->snapshot();
        const ProgramView& view = view_of(snap_2);
        const DiagramEdge* list = edge_from(view, "main.list");
        REQUIRE(list != nullptr);
        CHECK(list->target == PointerTarget::Freed);
        for (const HeapObject& b : view.blocks) CHECK(b.reach == Reach::Reachable);  // second->next still holds node 10
    }
    sim->step_forward();  // free(second): node 10 loses its last pointer
    const Snapshot snap_3 = sim->snapshot();
    const ProgramView& view = view_of(snap_3);
    REQUIRE(view.blocks.size() == 1);
    CHECK(view.blocks[0].reach == Reach::DefinitelyLost);
    CHECK(view.blocks[0].names.empty());
    CHECK(view.blocks[0].type == "struct node");  // the type is kept after the last pointer is gone
    bool told = false;
    for (const Event& e : sim->events()) {
        if (e.kind == EventKind::Unreachable && e.address == view.blocks[0].payload) told = e.is_error && e.line == 17;
    }
    CHECK(told);
    // The JSON says the same.
    const auto json = memsim::report::to_json(sim->snapshot());
    const auto& block = json["processes"][0]["heap"]["blocks"];
    bool leaked_in_json = false;
    for (const auto& b : block) {
        if (b.contains("reachable") && !b["reachable"].get<bool>()) leaked_in_json = b["type"] == "struct node";
    }
    CHECK(leaked_in_json);
    CHECK(json["diagram"]["edges"].size() == view.edges.size());
}

TEST_CASE("A lost list counts its head as definitely lost and the nodes behind it as indirectly lost, as memcheck does",
          "[machine][program][leak]") {
    auto sim = Simulator::load(
        "#include <stdlib.h>\n"
        "struct node { int value; struct node *next; };\n"
        "int main(void) {\n"
        "    struct node *head = 0;\n"
        "    struct node *n = 0;\n"
        "    for (int i = 0; i < 5; i++) { n = malloc(sizeof(struct node)); n->value = i; n->next = head; head = n; }\n"
        "    n = 0;\n"
        "    head = 0;\n"
        "    return 0;\n"
        "}\n");
    REQUIRE(sim);
    run_to_line(*sim, 9);
    const Snapshot snap_4 = sim->snapshot();
    const ProgramView& view = view_of(snap_4);
    REQUIRE(view.blocks.size() == 5);
    int definitely = 0, indirectly = 0;
    for (const HeapObject& b : view.blocks) {
        definitely += b.reach == Reach::DefinitelyLost;
        indirectly += b.reach == Reach::IndirectlyLost;
    }
    // n and head both held the newest node; once both are cleared nothing reaches the list.
    CHECK(definitely == 1);
    CHECK(indirectly == 4);
}

TEST_CASE("A binary tree of seven nodes has an edge per child pointer, NULL leaves included", "[machine][program][diagram]") {
    auto sim = Simulator::load(memsim::test_programs::binary_tree);
    REQUIRE(sim);
    run_to_line(*sim, memsim::test_programs::binary_tree_end_line);
    const Snapshot snap_5 = sim->snapshot();
    const ProgramView& view = view_of(snap_5);
    REQUIRE(view.blocks.size() == 7);
    int heap_edges = 0, null_edges = 0;
    for (const DiagramEdge& e : view.edges) {
        if (e.from_name.find(".left") == std::string::npos && e.from_name.find(".right") == std::string::npos) continue;
        heap_edges += e.target == PointerTarget::Heap;
        null_edges += e.target == PointerTarget::Null;
    }
    CHECK(heap_edges == 6);  // every node but the root has a parent
    CHECK(null_edges == 8);  // 7 nodes have 14 child slots
    const ValueView& keys = variable(view, "main", "keys");
    CHECK(keys.type == "int[7]");
    REQUIRE(keys.elements.size() == 7);
    CHECK(keys.elements[2].value == 6);
    CHECK(keys.elements[2].name == "[2]");
}

TEST_CASE("A pointer to a local that outlives its frame points into a popped frame", "[machine][program][diagram]") {
    auto sim = Simulator::load(
        "int *dangle(void) {\n"
        "    int x = 5;\n"
        "    return &x;\n"
        "}\n"
        "int main(void) {\n"
        "    int *p = dangle();\n"
        "    int y = 1;\n"
        "    return y;\n"
        "}\n");
    REQUIRE(sim);
    run_to_line(*sim, 7);
    const Snapshot snap_6 = sim->snapshot();
    const ProgramView& view = view_of(snap_6);
    const DiagramEdge* p = edge_from(view, "main.p");
    REQUIRE(p != nullptr);
    CHECK(p->target == PointerTarget::Popped);
}

TEST_CASE("A global pointer to a string literal points into read-only data; pointers to locals are stack edges",
          "[machine][program][diagram]") {
    auto sim = Simulator::load(
        "char *greeting = \"hello\";\n"
        "int counter;\n"
        "void bump(int *c) {\n"
        "    *c = *c + 1;\n"
        "}\n"
        "int main(void) {\n"
        "    int local = 41;\n"
        "    bump(&local);\n"
        "    bump(&counter);\n"
        "    return 0;\n"
        "}\n");
    REQUIRE(sim);
    run_to_line(*sim, 4);  // inside bump(&local)
    {
        const Snapshot snap_7 = sim->snapshot();
        const ProgramView& view = view_of(snap_7);
        const DiagramEdge* g = edge_from(view, "greeting");
        REQUIRE(g != nullptr);
        CHECK(g->target == PointerTarget::String);
        REQUIRE(view.strings.size() == 1);
        CHECK(view.strings[0].text == "hello");
        CHECK(view.strings[0].address == g->to);
        const DiagramEdge* c = edge_from(view, "bump.c");
        REQUIRE(c != nullptr);
        CHECK(c->target == PointerTarget::Stack);
        CHECK(c->to == variable(view, "main", "local").address);
    }
    run_to_line(*sim, 4, 1);  // the next visit: bump(&counter)
    const Snapshot snap_8 = sim->snapshot();
    const ProgramView& view = view_of(snap_8);
    const DiagramEdge* c = edge_from(view, "bump.c");
    REQUIRE(c != nullptr);
    CHECK(c->target == PointerTarget::Global);
    CHECK(variable(view, "main", "local").value == 42);
}

TEST_CASE("A very large array shows its first elements and counts the rest", "[machine][program][diagram]") {
    auto sim = Simulator::load(
        "int big[100000];\n"
        "int main(void) {\n"
        "    big[3] = -7;\n"
        "    return 0;\n"
        "}\n");
    REQUIRE(sim);
    run_to_line(*sim, 4);
    const Snapshot snap_9 = sim->snapshot();
    const ProgramView& view = view_of(snap_9);
    REQUIRE(view.globals.size() == 1);
    const ValueView& big = view.globals[0];
    CHECK(big.type == "int[100000]");
    CHECK(big.elements.size() == max_elements);
    CHECK(big.elements_omitted == 100000 - max_elements);
    CHECK(static_cast<std::int64_t>(big.elements[3].value) == -7);
    CHECK(big.elements[3].text == "-7");
}

TEST_CASE("A double and a float show as the shortest decimal that reads back as their bits, in structs too",
          "[machine][program][diagram][float]") {
    const char* program =
        "struct point { float x; double y; };\n"                   // 1
        "int main(void) {\n"                                     // 2
        "    double tenth = 0.1;\n"                              // 3
        "    float third = 1.0f / 3;\n"                          // 4
        "    struct point p = {1.5f, -2e-3};\n"                  // 5
        "    double sum = tenth + 0.2;\n"                        // 6
        "    return 0;\n"                                        // 7
        "}\n";
    auto sim = Simulator::load(program);
    REQUIRE(sim);
    run_to_line(*sim, 7);
    const Snapshot snap = sim->snapshot();
    const ProgramView& view = view_of(snap);
    const ValueView& tenth = variable(view, "main", "tenth");
    CHECK(tenth.type == "double");
    CHECK(tenth.value == 0x3FB999999999999Aull);  // the IEEE bits of 0.1 in memory
    CHECK(tenth.text == "0.1");
    CHECK(variable(view, "main", "third").text == "0.33333334");  // the shortest text that reads back as this float
    CHECK(variable(view, "main", "third").value == 0x3EAAAAABull);
    CHECK(variable(view, "main", "sum").text == "0.30000000000000004");
    const ValueView& p = variable(view, "main", "p");
    REQUIRE(p.fields.size() == 2);
    CHECK(p.fields[0].text == "1.5");
    CHECK(p.fields[1].offset == 8);
    CHECK(p.fields[1].text == "-0.002");
}

TEST_CASE("A function pointer shows the function it points to, and its edge lands in code", "[machine][program][diagram][function-pointer]") {
    const char* program =
        "int twice(int x) { return 2 * x; }\n"         // 1
        "int main(void) {\n"                           // 2
        "    int (*op)(int) = twice;\n"                // 3
        "    int (*none)(int) = 0;\n"                  // 4
        "    return op(3);\n"                          // 5
        "}\n";
    auto sim = Simulator::load(program);
    REQUIRE(sim);
    run_to_line(*sim, 5);
    const Snapshot snap = sim->snapshot();
    const ProgramView& view = view_of(snap);
    const ValueView& op = variable(view, "main", "op");
    CHECK(op.type == "int (*)(int)");
    CHECK(op.is_pointer);
    CHECK(op.text == "&twice");
    CHECK(variable(view, "main", "none").text == "NULL");
    const DiagramEdge* edge = edge_from(view, "main.op");
    REQUIRE(edge != nullptr);
    CHECK(edge->target == PointerTarget::Code);
}
