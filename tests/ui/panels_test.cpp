// View models of the panels, built from real runs of the built-in scenarios.
#include <catch2/catch.hpp>

#include <string>

#include "ui/builtin_scenarios.hpp"
#include "ui/controller.hpp"
#include "controller_at.hpp"
#include "ui/panels/controls_panel.hpp"
#include "ui/panels/events_panel.hpp"
#include "ui/panels/heap_panel.hpp"
#include "ui/panels/reference_grid.hpp"
#include "ui/panels/source_panel.hpp"
#include "ui/panels/stack_panel.hpp"
#include "ui/panels/virtual_memory_panel.hpp"

using namespace memsim::ui;


TEST_CASE("The stack view shows fact's frames newest last with return address, saved FP, SP and FP", "[ui][stack]") {
    // Steps 1-4 call main, fact(3), fact(2), fact(1): four frames.
    const Controller c = at("recursion-overflow", 4);
    const StackView view = make_stack_view(c.snapshot());
    REQUIRE(view.has_stack);
    REQUIRE(view.frames.size() == 4);
    CHECK(view.frames[0].function == "main");
    CHECK(view.frames[3].function == "fact");
    CHECK(view.frames[3].newest);
    CHECK(view.frames[0].low >= view.frames[1].high);  // older frames sit higher
    const auto& newest = view.frames[3].slots;
    const auto has = [&](const char* kind) {
        return std::any_of(newest.begin(), newest.end(), [&](const StackSlotRow& s) { return s.kind == kind; });
    };
    CHECK(has("argument"));
    CHECK(has("return address"));
    CHECK(has("saved frame pointer"));
    CHECK(has("local"));
    for (std::size_t i = 1; i < newest.size(); ++i) CHECK(newest[i - 1].address > newest[i].address);
    CHECK(std::any_of(newest.begin(), newest.end(), [](const StackSlotRow& s) { return s.at_fp; }));
    CHECK(view.sp == view.frames[3].low);
    CHECK(view.used == view.top - view.sp);
    CHECK(view.limit == 4096);
    CHECK(view.floor - view.guard_low == 4096);
    const auto arg = std::find_if(newest.begin(), newest.end(), [](const StackSlotRow& s) { return s.name == "n"; });
    REQUIRE(arg != newest.end());
    CHECK(arg->value == "1");
    const auto tmp = std::find_if(newest.begin(), newest.end(), [](const StackSlotRow& s) { return s.name == "tmp"; });
    REQUIRE(tmp != newest.end());
    CHECK(tmp->value == "?");  // not yet set: uninitialised
}

TEST_CASE("A reference scenario has no stack or heap to show", "[ui][stack][heap]") {
    const Controller c = at("belady-fifo", 3);
    CHECK_FALSE(make_stack_view(c.snapshot()).has_stack);
    CHECK_FALSE(make_heap_view(c.snapshot(), "").has_heap);
}

TEST_CASE("The heap bar splits blocks into overhead, payload and free, to scale and in order", "[ui][heap]") {
    // heap-mistakes: after `p = malloc 24` and `q = malloc 100` (steps 2 and 4).
    const Controller c = at("heap-mistakes", 5);
    const HeapView view = make_heap_view(c.snapshot(), scenario_allocator(c));
    REQUIRE(view.has_heap);
    CHECK(view.allocator == "explicit-lifo");
    CHECK(view.end > view.start);
    std::uint64_t payload = 0;
    for (std::size_t i = 0; i < view.segments.size(); ++i) {
        const HeapSegment& s = view.segments[i];
        CHECK(s.start < s.end);
        CHECK(s.start >= view.start);
        CHECK(s.end <= view.end);
        if (i > 0) CHECK(view.segments[i - 1].end <= s.start);
        if (s.part == HeapPart::Payload) payload += s.end - s.start;
    }
    CHECK(payload == 124);
    const auto named = std::count_if(view.blocks.begin(), view.blocks.end(),
                                     [](const HeapBlockRow& b) { return b.name == "p" || b.name == "q"; });
    CHECK(named == 2);
    CHECK(view.utilisation > 0.0);
    CHECK(view.utilisation <= 1.0);
    CHECK(view.external_fragmentation >= 0.0);
}

TEST_CASE("The heap-trace scenario shows a heap without processes' stacks", "[ui][heap]") {
    const Controller c = at("malloc-lab-short", 2);
    const HeapView view = make_heap_view(c.snapshot(), scenario_allocator(c));
    REQUIRE(view.has_heap);
    CHECK(view.allocator == "explicit-address");
    CHECK(view.metrics.live_blocks == 2);
}

TEST_CASE("The frames table marks the last frame and the victim; counters match the engine", "[ui][vm]") {
    const Controller c = at("belady-fifo", 4);  // 1 2 3 4: the fourth reference evicts page 1
    const VmPanelView view = make_vm_view(c.snapshot());
    REQUIRE(view.has_vm);
    CHECK(view.policy == "fifo");
    REQUIRE(view.frames.size() == 3);
    CHECK(view.faults == 4);
    CHECK(view.last_victim == 1u);
    CHECK(std::count_if(view.frames.begin(), view.frames.end(), [](const FrameRow& f) { return f.last; }) == 1);
    CHECK(view.fault_rate == Approx(1.0));
}

TEST_CASE("The reference grid is the textbook table: 9 faults for Belady with three frames", "[ui][vm]") {
    const Controller c = at("belady-fifo", 0);
    const ReferenceGrid grid = make_reference_grid(*c.simulator(), 0);
    REQUIRE(grid.available);
    CHECK(grid.frame_count == 3);
    REQUIRE(grid.columns.size() == 12);
    CHECK(grid.columns[0].page == 1);
    CHECK(grid.columns[6].page == 5);
    const auto faults = std::count_if(grid.columns.begin(), grid.columns.end(), [](const ReferenceColumn& col) { return col.fault; });
    CHECK(faults == 9);
    CHECK(grid.columns[4].fault);         // 1 was evicted by 4: it faults again
    CHECK_FALSE(grid.columns[7].fault);   // the third reference to page 1 hits
    CHECK(grid.columns[3].frames[0] == 4u);  // FIFO put 4 where 1 was
    CHECK(c.step() == 0);                    // the replay ran on a copy
    CHECK_FALSE(make_reference_grid(*at("heap-mistakes", 0).simulator(), 0).available);
}

TEST_CASE("The reference grid of a 5,000-reference run is a window of at most 60 columns around the step", "[ui][vm]") {
    std::string text = "+++\nformat = 1\nkind = \"references\"\n[vm]\nframes = 4\npolicy = \"lru\"\n+++\n";
    for (int i = 0; i < 5000; ++i) text += std::to_string((i * 7) % 13) + (i % 20 == 19 ? "\n" : " ");
    Controller c;
    REQUIRE(c.execute(cmd::Load{text}).ok);
    REQUIRE(c.simulator()->total_steps() == 5000);
    for (const std::uint64_t step : {0ull, 1ull, 30ull, 31ull, 2500ull, 4999ull, 5000ull}) {
        const ReferenceGrid grid = make_reference_grid(*c.simulator(), step);
        REQUIRE(grid.available);
        CHECK(grid.columns.size() <= reference_grid_max_columns);
        CHECK(grid.columns.size() + 1 <= 64);  // ImGui 1.86's table limit, the "ref" column included
        CHECK(grid.truncated);
        CHECK(grid.total_steps == 5000);
        if (step > 0) {
            CHECK(grid.first_step <= step);
            CHECK(step < grid.first_step + grid.columns.size());
        }
        CHECK(reference_grid_window_start(step, 5000) + 1 == grid.first_step);
    }
    // The window's columns agree with a run from the start: step 2500 is reference 2499.
    const ReferenceGrid grid = make_reference_grid(*c.simulator(), 2500);
    const std::size_t i = static_cast<std::size_t>(2500 - grid.first_step);
    CHECK(grid.columns[i].page == (2499u * 7u) % 13u);
    // The window moves in half-window jumps: stepping within it keeps the same start.
    CHECK(reference_grid_window_start(61, 5000) == reference_grid_window_start(89, 5000));
    CHECK(reference_grid_window_start(5000, 5000) == 5000 - reference_grid_max_columns);
}

TEST_CASE("The page map shows each region's pages and which are resident", "[ui][vm]") {
    const Controller c = at("recursion-overflow", 4);
    const PageMap map = make_page_map(c.snapshot(), 16);
    REQUIRE(!map.regions.empty());
    CHECK(map.cells.size() == static_cast<std::size_t>(map.columns * map.rows));
    CHECK(map.resident >= 1);  // the stack page at least
    const auto stack = std::find_if(map.regions.begin(), map.regions.end(), [](const RegionSummary& r) { return r.name == "stack"; });
    REQUIRE(stack != map.regions.end());
    CHECK(stack->resident >= 1);
    CHECK(std::count(map.cells.begin(), map.cells.end(), static_cast<std::uint8_t>(PageState::Guard)) >= 1);
}

TEST_CASE("The page map colours copy-on-write pages after a fork until they are written", "[ui][vm][fork]") {
    const auto cow_cells = [](const PageMap& map) {
        return std::count(map.cells.begin(), map.cells.end(), static_cast<std::uint8_t>(PageState::Cow));
    };
    CHECK(cow_cells(make_page_map(at("fork-cow", 4).snapshot(), 16)) == 0);  // before the fork
    const PageMap forked = make_page_map(at("fork-cow", 5).snapshot(), 16);
    CHECK(cow_cells(forked) == 3);  // the stack page and both heap pages
    CHECK(forked.resident == 3);
    CHECK(cow_cells(make_page_map(at("fork-cow", 7).snapshot(), 16)) == 2);  // the parent wrote one heap page
}

TEST_CASE("Events come newest first, errors counted, the current step marked", "[ui][events]") {
    const Controller c = at("heap-mistakes", 8);  // 7: use after free, 8: double free
    const EventsView view = make_events_view(c.recent_events(), c.step());
    REQUIRE(!view.rows.empty());
    CHECK(view.rows.front().step == 8);
    CHECK(view.rows.front().current);
    CHECK(view.rows.back().step == 1);
    CHECK(view.errors >= 2);
    for (std::size_t i = 1; i < view.rows.size(); ++i) CHECK(view.rows[i - 1].step >= view.rows[i].step);
}

TEST_CASE("The source view numbers lines, marks the ran and next lines and errors at their column", "[ui][source]") {
    const SourceView view = make_source_view("a\nb\nc\n", {memsim::Error{2, 3, "bad"}}, 1, 3);
    REQUIRE(view.lines.size() == 3);
    CHECK(view.lines[0].ran);
    CHECK(view.lines[2].next);
    CHECK(view.lines[1].error_column == 3);
    CHECK(view.errors[0].text == "line 2, column 3: bad");
    CHECK(view.errors[0].line == 2);
    const Controller c = at("recursion-overflow", 2);
    CHECK(current_step_line(c) > 0);
    CHECK(make_source_view(c.text(), {}, current_step_line(c), c.snapshot().line).lines[static_cast<std::size_t>(current_step_line(c) - 1)].text.starts_with("call fact(n=3)"));
}

TEST_CASE("In quiz mode the source view hides the front matter's answers and explanations", "[ui][source]") {
    const Controller c = at("belady-fifo", 0);
    const auto count = [](const SourceView& v, std::string_view needle) {
        return std::count_if(v.lines.begin(), v.lines.end(), [&](const SourceLine& l) { return l.text.find(needle) != std::string::npos; });
    };
    const SourceView open = make_source_view(c.text(), {}, 0, 0, false);
    const SourceView quiz = make_source_view(c.text(), {}, 0, 0, true);
    REQUIRE(open.lines.size() == quiz.lines.size());
    CHECK(count(open, "answer = 9") == 1);
    CHECK(count(quiz, "answer = 9") == 0);
    CHECK(count(quiz, "Belady's anomaly.\"") == 0);  // the last question's explain
    CHECK(count(quiz, "(hidden in quiz mode)") == count(open, "answer =") + count(open, "explain ="));
    CHECK(count(quiz, "ask = ") == count(open, "ask = "));             // questions stay readable
    CHECK(quiz.lines.back().text == open.lines.back().text);           // the body is untouched
    // A body line that happens to start with "answer" is not front matter.
    const SourceView body = make_source_view("+++\nanswer = 1\n+++\nanswer = 2\n", {}, 0, 0, true);
    CHECK(body.lines[1].text == "answer = (hidden in quiz mode)");
    CHECK(body.lines[3].text == "answer = 2");
}

TEST_CASE("The controls view enables back and forward by position", "[ui][controls]") {
    const Controller start = at("belady-fifo", 0);
    ControlsView view = make_controls_view(start);
    CHECK_FALSE(view.can_back);
    CHECK(view.can_step);
    CHECK(view.scenario_name == "belady-fifo");
    const Controller end = at("belady-fifo", 12);
    view = make_controls_view(end);
    CHECK(view.can_back);
    CHECK_FALSE(view.can_step);
    CHECK(view.title.find("Belady") != std::string::npos);
}

#include "ui/panels/statistics_panel.hpp"

TEST_CASE("Statistics sample the whole run: faults grow to the run's total", "[ui][statistics]") {
    const Controller c = at("belady-fifo", 3);
    const StatisticsView view = make_statistics(*c.simulator(), 600);
    REQUIRE(view.steps.size() == 13);
    CHECK(view.steps.front() == 0);
    CHECK(view.steps.back() == 12);
    const auto faults = std::find_if(view.series.begin(), view.series.end(),
                                     [](const Series& s) { return s.name == "page faults so far"; });
    REQUIRE(faults != view.series.end());
    CHECK(faults->values.back() == Approx(9));
    CHECK(faults->values.front() == Approx(0));
    CHECK(c.step() == 3);
    const StatisticsView few = make_statistics(*at("heap-mistakes", 0).simulator(), 5);
    CHECK(few.steps.size() == 5);
    CHECK(std::any_of(few.series.begin(), few.series.end(), [](const Series& s) { return s.name == "heap size (bytes)"; }));
}

TEST_CASE("The page map shows what is mapped, not the ranges the layout reserves", "[ui][vm]") {
    const Controller c = at("heap-mistakes", 9);
    const PageMap map = make_page_map(c.snapshot(), 32);
    for (const RegionSummary& r : map.regions) CHECK(r.name != "mmap");
    const auto heap = std::find_if(map.regions.begin(), map.regions.end(), [](const RegionSummary& r) { return r.name == "heap"; });
    REQUIRE(heap != map.regions.end());
    CHECK(heap->pages == 1);
    CHECK(map.rows <= 2048);
    CHECK(make_page_map(c.snapshot(), 4, 1u << 20).cells.size() <= 4u * 2048u);
}

#include "ui/panels/translation_view.hpp"

TEST_CASE("Translation splits the last address into 10/10/12 and finds its frame", "[ui][translation]") {
    // Step 1 of recursion-overflow calls main: the first touch of the stack page faults.
    const Controller c = at("recursion-overflow", 1);
    const TranslationView view = make_translation_view(*c.simulator());
    REQUIRE(view.available);
    REQUIRE(view.fields.size() == 3);
    CHECK(view.fields[0].high == 31);
    CHECK(view.fields[2].name == "offset");
    CHECK(view.fields[2].low == 0);
    CHECK(view.vpn == view.vaddr >> 12);
    CHECK(view.offset == (view.vaddr & 0xfff));
    CHECK(view.fields[0].value == (view.vaddr >> 22));
    CHECK(view.fields[1].value == ((view.vaddr >> 12) & 0x3ff));
    CHECK(view.tlb_miss);
    CHECK(view.page_fault);
    REQUIRE(view.pfn);
    CHECK(view.paddr == ((std::uint64_t{*view.pfn} << 12) | view.offset));
    CHECK_FALSE(make_translation_view(*at("belady-fifo", 2).simulator()).available);
}

TEST_CASE("A refused access (the guard page) is shown as failed, not as a TLB hit", "[ui][translation]") {
    const Controller c = at("recursion-overflow", 15);
    const TranslationView view = make_translation_view(*c.simulator());
    REQUIRE(view.available);
    CHECK(view.failed);
    CHECK(view.what == memsim::machine::EventKind::StackOverflow);
}

TEST_CASE("A heap with more blocks than pixels shrinks to one column per pixel, small allocations kept", "[ui][heap]") {
    HeapView view;
    view.has_heap = true;
    view.start = 0;
    view.end = 100'000 * 32;
    for (std::uint64_t i = 0; i < 100'000; ++i) {
        const bool allocated = i % 1000 == 0;
        view.blocks.push_back({.block = {.block = i * 32, .size = 32, .payload = i * 32 + 8, .requested = allocated ? 8u : 0u,
                                         .allocated = allocated, .mapped = false},
                               .name = {}});
        if (allocated) {
            view.segments.push_back({i * 32, i * 32 + 8, HeapPart::Overhead, i});
            view.segments.push_back({i * 32 + 8, i * 32 + 16, HeapPart::Payload, i});
            view.segments.push_back({i * 32 + 16, i * 32 + 32, HeapPart::Overhead, i});
        } else {
            view.segments.push_back({i * 32, i * 32 + 32, HeapPart::Free, i});
        }
    }
    const std::vector<int> columns = heap_bar_columns(view, 500);
    REQUIRE(columns.size() == 500);
    // Every 1000th block is allocated: 100 allocated blocks over 500 columns, each visible.
    const auto used = std::count_if(columns.begin(), columns.end(), [](int c) { return c != static_cast<int>(HeapPart::Free); });
    CHECK(used == 100);
    CHECK(columns[0] == static_cast<int>(HeapPart::Overhead));
    CHECK(columns[1] == static_cast<int>(HeapPart::Free));
    CHECK(std::count(columns.begin(), columns.end(), -1) == 0);
}

TEST_CASE("Bytes that are not UTF-8 (putchar(200)) reach ImGui replaced, in the console and the events", "[ui][console]") {
    Controller c;
    REQUIRE(c.execute(cmd::Load{"+++\nformat = 1\nkind = \"program\"\n+++\n#include <stdio.h>\n"
                                "int main(void) { putchar(65); putchar(200); putchar(66); return 0; }\n"})
                .ok);
    c.execute(cmd::RunToEnd{});
    CHECK(c.snapshot().output == "A\xEF\xBF\xBD" "B");
    memsim::machine::Event event;
    event.text = "printed \xC8";
    const EventsView view = make_events_view({event}, 0);
    REQUIRE(view.rows.size() == 1);
    CHECK(view.rows[0].text == "printed \xEF\xBF\xBD");
}
