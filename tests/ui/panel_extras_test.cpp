// Free-list links, swapped pages, the translation's animation stages, the experiment
// plots and opening a file by path: view models from real runs of the built-ins.
#include <catch2/catch.hpp>

#include <algorithm>

#include "ui/app.hpp"
#include "ui/controller.hpp"
#include "controller_at.hpp"
#include "ui/panels/heap_free_links.hpp"
#include "ui/panels/heap_panel.hpp"
#include "ui/panels/statistics_plots.hpp"
#include "ui/panels/translation_view.hpp"
#include "ui/panels/virtual_memory_panel.hpp"

using namespace memsim::ui;

namespace {

// Free blocks of the brk heap (mapped blocks are never on a free list).
std::size_t free_blocks(const HeapView& view) {
    return static_cast<std::size_t>(std::count_if(view.blocks.begin(), view.blocks.end(), [](const HeapBlockRow& row) {
        return !row.block.allocated && !row.block.mapped;
    }));
}

// The size of the block at `address` in the view (0 when there is none).
std::uint64_t size_at(const HeapView& view, std::uint64_t address) {
    for (const HeapBlockRow& row : view.blocks)
        if (row.block.block == address) return row.block.size;
    return 0;
}

}  // namespace


TEST_CASE("Free-list links follow an address-ordered explicit list block by block", "[ui][heap]") {
    Controller c = at("malloc-lab-short", 0);
    bool seen = false;
    for (std::uint64_t step = 1; step <= c.total_steps(); ++step) {
        c.execute(cmd::Seek{step});
        const HeapView view = make_heap_view(c.snapshot(), "explicit-address");
        const FreeLinks links = make_free_links(view);
        CHECK(links.blocks == free_blocks(view));  // every free block is on the list once
        for (const FreeLink& link : links.links) {
            CHECK(link.from < link.to);  // address order
            CHECK(link.from_end > link.from);
        }
        if (links.links.size() >= 1) {
            seen = true;
            CHECK(links.lists == 1);
            CHECK(links.links.size() == links.blocks - 1);
            CHECK(links.text.find(" -> ") != std::string::npos);
        }
    }
    CHECK(seen);
}

TEST_CASE("Free-list links of a buddy heap: one list per order, every free block on one", "[ui][heap]") {
    Controller c = at("malloc-lab-short", 0);
    std::string text = c.text();
    const std::string chosen = "allocator = \"explicit-address\"";
    REQUIRE(text.find(chosen) != std::string::npos);
    text.replace(text.find(chosen), chosen.size(), "allocator = \"buddy\"");
    c.execute(cmd::Load{text});
    REQUIRE(c.load_errors().empty());
    bool several = false;
    for (std::uint64_t step = 1; step <= c.total_steps(); ++step) {
        c.execute(cmd::Seek{step});
        const HeapView view = make_heap_view(c.snapshot(), "buddy");
        const FreeLinks links = make_free_links(view);
        CHECK(links.blocks == free_blocks(view));
        CHECK(links.lists == view.free_lists.size());
        for (const auto& list : view.free_lists) {
            const std::uint64_t order_size = size_at(view, list.front());
            CHECK(order_size > 0);
            for (const std::uint64_t block : list) CHECK(size_at(view, block) == order_size);  // one order: one size
        }
        if (links.lists >= 2) {
            several = true;
            CHECK(links.text.find("; ") != std::string::npos);  // every order's list is named
        }
    }
    CHECK(several);
}

TEST_CASE("The page map colours pages whose contents wait in swap", "[ui][vm]") {
    Controller c = at("dirty-pages", 0);
    bool seen = false;
    for (std::uint64_t step = 1; step <= c.total_steps() && !seen; ++step) {
        c.execute(cmd::Seek{step});
        const auto& process = c.snapshot().processes.front();
        if (process.swapped_pages.empty()) continue;
        seen = true;
        CHECK(c.snapshot().vm->writebacks >= process.swapped_pages.size());  // a swapped page was written back
        const PageMap map = make_page_map(c.snapshot(), 16);
        CHECK(map.swapped == process.swapped_pages.size());
        CHECK(std::count(map.cells.begin(), map.cells.end(), static_cast<std::uint8_t>(PageState::Swapped)) ==
              static_cast<std::ptrdiff_t>(map.swapped));
        for (const auto& f : c.snapshot().vm->frames) {
            CHECK_FALSE((f.used && std::binary_search(process.swapped_pages.begin(), process.swapped_pages.end(), f.page)));
        }
    }
    CHECK(seen);
}

TEST_CASE("The translation animation lights fields, TLB, each level, then the physical address", "[ui][translation]") {
    const Controller c = at("recursion-overflow", 1);  // a TLB miss with a two-level walk
    const TranslationView view = make_translation_view(*c.simulator());
    REQUIRE(view.tlb_miss);
    const double s = translation_stage_seconds;
    CHECK(translation_stage(view, 0.0).part == TranslationPart::Fields);
    CHECK(translation_stage(view, 1.1 * s).part == TranslationPart::Tlb);
    CHECK(translation_stage(view, 2.1 * s).part == TranslationPart::Level);
    CHECK(translation_stage(view, 2.1 * s).level == 0);
    CHECK(translation_stage(view, 3.1 * s).level == 1);
    CHECK(translation_stage(view, 4.1 * s).part == TranslationPart::Physical);
    CHECK(translation_stage(view, 5.1 * s).part == TranslationPart::None);
    const TranslationView refused = make_translation_view(*at("recursion-overflow", 15).simulator());
    CHECK(translation_stage(refused, 1.1 * s).part == TranslationPart::None);
}

TEST_CASE("The frame sweep marks Belady's anomaly at four frames and the scenario's three", "[ui][statistics]") {
    const Controller c = at("belady-fifo", 0);
    const XyPlot plot = make_sweep_plot(*c.simulator());
    REQUIRE(plot.available);
    REQUIRE(plot.curves.size() == 1);
    const PlotCurve& faults = plot.curves[0];
    REQUIRE(faults.x.size() >= 6);
    CHECK(faults.y[2] == Approx(9));   // 3 frames
    CHECK(faults.y[3] == Approx(10));  // 4 frames
    REQUIRE(faults.marked.size() == 1);
    CHECK(faults.x[faults.marked[0]] == Approx(4));
    CHECK(plot.current_x == Approx(3));
    CHECK_FALSE(make_sweep_plot(*at("factorial", 0).simulator()).available);
}

TEST_CASE("The working-set plot follows Denning's definition over the trace", "[ui][statistics]") {
    // Belady's string 1,2,3,4,1,2,5,1,2,3,4,5 with delta 3: |W| = 1,2,3,3,3,3,3,3,3,3,3,3.
    const Controller c = at("belady-fifo", 0);
    const XyPlot plot = make_working_set_plot(*c.simulator(), 3, 600);
    REQUIRE(plot.available);
    const std::vector<float> expected{1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3};
    CHECK(plot.curves[0].y == expected);
    CHECK(plot.threshold_y == Approx(3));
    const XyPlot few = make_working_set_plot(*c.simulator(), 3, 4);
    CHECK(few.curves[0].x == std::vector<float>{1, 4, 8, 12});  // evenly spaced, ends kept
}

TEST_CASE("The thrashing curve rises, then collapses without load control but not with it", "[ui][statistics]") {
    const XyPlot plot = make_thrashing_plot();
    REQUIRE(plot.available);
    REQUIRE(plot.curves.size() == 2);
    const auto& without = plot.curves[0].y;
    const auto& with = plot.curves[1].y;
    const float peak = *std::max_element(without.begin(), without.end());
    CHECK(without.front() < peak);
    CHECK(without.back() < peak * 0.5f);  // thrashing
    CHECK(with.back() > without.back());   // load control keeps the CPU busy
    CHECK_FALSE(plot.curves[0].marked.empty());  // the degrees whose working sets no longer fit
}

TEST_CASE("The thrashing curve follows the chosen processes, working sets and frames", "[ui][statistics]") {
    // 4 processes of 8 pages fit in 32 frames: no degree thrashes, the CPU stays busy.
    const XyPlot roomy = make_thrashing_plot({.processes = 4, .pages = 8, .frames = 32});
    REQUIRE(roomy.available);
    CHECK(roomy.curves[0].x.size() == 4);
    CHECK(roomy.curves[0].marked.empty());
    CHECK(roomy.title.find("4 x 8-page working sets, 32 frames") != std::string::npos);
    // The same processes in 16 frames: from 3 processes on (24 pages) they no longer fit.
    const XyPlot tight = make_thrashing_plot({.processes = 4, .pages = 8, .frames = 16});
    REQUIRE(tight.available);
    CHECK(tight.curves[0].marked == std::vector<std::size_t>{2, 3});
    CHECK(tight.curves[0].y.back() < roomy.curves[0].y.back() * 0.5f);
    // A choice the engine refuses is said, not drawn.
    const XyPlot none = make_thrashing_plot({.processes = 4, .pages = 8, .frames = 0});
    CHECK_FALSE(none.available);
    CHECK_FALSE(none.why_not.empty());
}

TEST_CASE("File > Open by path loads the file the platform reads, or says why not", "[ui][app]") {
    App app({.platform_name = "test", .can_quit = false, .read_file = [](const std::string& path) -> std::optional<std::string> {
                 if (path == "good.msim") return std::string("+++\nformat = 1\nkind = \"references\"\n[vm]\nframes = 2\n+++\n1 2 3\n");
                 if (path == "bad.msim") return std::string("+++\nformat = 1\nkind = \"ops\"\n+++\nfrobnicate\n");
                 return std::nullopt;
             }});
    CHECK(app.open_path("good.msim").empty());
    CHECK(app.controller().total_steps() == 3);
    CHECK(app.open_path("missing.msim") == "cannot read 'missing.msim'");
    const std::string bad = app.open_path("bad.msim");
    CHECK(bad.rfind("bad.msim:5:", 0) == 0);
    CHECK(app.controller().total_steps() == 3);  // the good run stays
    CHECK_FALSE(App({}).open_path("good.msim").empty());  // no reader: the browser
}

TEST_CASE("A whole 32-bit address space (2^20 pages) fits the page map's one texture", "[ui][vm]") {
    memsim::machine::Snapshot snapshot;
    snapshot.vm = memsim::machine::VmView{};
    snapshot.vm->page_size = 4096;
    memsim::machine::ProcessView process;
    process.regions = {{memsim::machine::RegionKind::Text, 0, std::uint64_t{1} << 32}};
    snapshot.processes.push_back(process);
    const PageMap map = make_page_map(snapshot, 64);
    CHECK(map.cells.size() == std::size_t{1} << 20);
    CHECK(map.columns == 512);
    CHECK(map.rows == 2048);
    REQUIRE(map.regions.size() == 1);
    CHECK(map.regions[0].pages == std::uint64_t{1} << 20);
}

TEST_CASE("A MiniC program is translated like an ops body, not refused as a trace", "[ui][translation]") {
    // Its steps log no addressed event unless the MMU missed or faulted, so most steps say
    // so; none may claim the program has no addresses.
    Controller c = at("factorial", 0);
    for (std::uint64_t step = 1; step <= c.total_steps(); ++step) {
        c.execute(cmd::Seek{step});
        const TranslationView view = make_translation_view(*c.simulator());
        CHECK(view.why_not.find("references are pages") == std::string::npos);
        if (view.available) CHECK(view.vpn == view.vaddr >> 12);
    }
}

#include "ui/view_options.hpp"

TEST_CASE("A page may name Console and Compare in ?panels=", "[ui][embed]") {
    std::string bad;
    const auto chosen = parse_panel_list("vm,compare,console", bad);
    REQUIRE(chosen);
    CHECK(chosen->compare);
    CHECK(chosen->console);
    CHECK_FALSE(chosen->events);
    CHECK(panel_list(*chosen) == "vm,console,compare");
}
