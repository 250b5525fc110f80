// The teaching rules of the app: which panels a lesson shows, questions set aside when the
// settings change, feedback for two questions at one step, the end of a lesson, the
// folded front matter, percentages and the phone and presentation helpers.
#include <catch2/catch.hpp>

#include "memsim/ui_support/settings_edit.hpp"
#include "controller_at.hpp"
#include "ui/builtin_scenarios.hpp"
#include "ui/course_progress.hpp"
#include "ui/panel_choice.hpp"
#include "ui/panels/lesson_panel.hpp"
#include "ui/panels/page_tables_view.hpp"
#include "ui/panels/source_panel.hpp"
#include "ui/percent.hpp"
#include "ui/quiz_settings.hpp"
#include "ui/single_panel.hpp"
#include "ui/view_options.hpp"

using namespace memsim::ui;

namespace {

memsim::scenario::Scenario parsed(const std::string& text) {
    auto s = memsim::scenario::parse_scenario(text);
    REQUIRE(s.has_value());
    return *s;
}

memsim::scenario::Scenario builtin(const char* name) {
    const BuiltinScenario* b = find_builtin(name);
    REQUIRE(b != nullptr);
    return parsed(b->text);
}

const PanelContent everything{.loaded = true, .stack = true, .heap = true, .virtual_memory = true,
                              .console = true, .compare = true, .diagram = true};

}  // namespace

TEST_CASE("Lesson 1 shows the stack and events, not a page map or TLB", "[ui][teaching]") {
    const auto lesson = builtin("call-and-return");
    const ShownPanels shown = choose_panels(ShownPanels{}, &lesson, everything, {});
    CHECK(shown.source);
    CHECK(shown.stack);
    CHECK(shown.events);
    CHECK_FALSE(shown.virtual_memory);
    CHECK_FALSE(shown.heap);
    CHECK_FALSE(shown.statistics);
    CHECK(shown.large == "stack");
}

TEST_CASE("Without [view] the panels follow the body's kind", "[ui][teaching]") {
    const auto program = parsed("int main(void) { return 0; }\n");  // plain C
    const ShownPanels c = choose_panels(ShownPanels{}, &program, everything, {});
    CHECK(c.stack);
    CHECK(c.diagram);
    CHECK(c.console);
    CHECK_FALSE(c.virtual_memory);
    const auto refs = parsed("+++\nformat = 1\nkind = \"references\"\n[vm]\nframes = 3\n+++\n1 2 3\n");
    const ShownPanels r = choose_panels(ShownPanels{}, &refs, everything, {});
    CHECK(r.virtual_memory);
    CHECK(r.compare);
    CHECK_FALSE(r.stack);
    CHECK_FALSE(r.heap);
}

TEST_CASE("A page's ?panels= beats the scenario, and the learner's toggles beat both", "[ui][teaching]") {
    const auto lesson = builtin("call-and-return");
    std::string bad;
    const auto page = parse_panel_list("heap,events", bad);
    REQUIRE(page.has_value());
    const ShownPanels by_page = choose_panels(*page, &lesson, everything, {});
    CHECK(by_page.heap);
    CHECK_FALSE(by_page.stack);
    const ShownPanels toggled = choose_panels(ShownPanels{}, &lesson, everything, {{"vm", true}, {"events", false}});
    CHECK(toggled.virtual_memory);
    CHECK_FALSE(toggled.events);
    // Content still rules: no stack is drawn for a run without one.
    PanelContent no_stack = everything;
    no_stack.stack = false;
    CHECK_FALSE(choose_panels(ShownPanels{}, &lesson, no_stack, {}).stack);
}

TEST_CASE("[view] names unknown panels as errors with their line", "[ui][teaching]") {
    const auto s = memsim::scenario::parse_scenario("+++\nformat = 1\n[view]\npanels = [\"stack\", \"stak\"]\n+++\n");
    REQUIRE_FALSE(s.has_value());
    CHECK(s.error().line == 4);
    CHECK(s.error().message.find("'stak' is not a panel") != std::string::npos);
}

TEST_CASE("Every lesson's [view] names panels its run can fill", "[ui][teaching]") {
    for (const CourseLesson& lesson : course()) {
        INFO(lesson.name);
        Controller c;
        REQUIRE(c.execute(cmd::LoadBuiltin{lesson.name}).ok);
        const auto& snapshot = c.snapshot();
        const bool has_process = !snapshot.processes.empty();
        const PanelContent content{.loaded = true,
                                   .stack = has_process && snapshot.processes.front().stack_top != 0,
                                   .heap = has_process && c.run_uses_heap(),
                                   .virtual_memory = snapshot.vm.has_value(),
                                   .console = snapshot.kind == "program",
                                   .compare = true,
                                   .diagram = snapshot.kind == "program"};
        const auto& scenario = c.simulator()->scenario();
        const ShownPanels wanted = wanted_panels(ShownPanels{}, &scenario, {});
        const ShownPanels shown = choose_panels(ShownPanels{}, &scenario, content, {});
        CHECK(wanted == shown);  // nothing the lesson asks for is empty
        CHECK_FALSE(scenario.teaching.recap.empty());
    }
}

TEST_CASE("Changing a lesson's frames sets its questions aside, with a note", "[ui][teaching]") {
    Controller c = quiz_on("belady-fifo");
    REQUIRE(c.quiz().active());
    CHECK(c.quiz_note().empty());
    auto edit = memsim::ui_support::setting_edit("frames", "4");
    REQUIRE(edit.has_value());
    REQUIRE(c.execute(cmd::SetSettings{{*edit}}).ok);
    CHECK_FALSE(c.quiz().active());
    CHECK(c.quiz_note().find("vm.frames: 3 -> 4") != std::string::npos);
    c.execute(cmd::RunToEnd{});
    CHECK(c.step() == c.total_steps());  // nothing holds the run any more
    // Still the same lesson: its recap and the next lesson are offered at the end.
    CHECK(c.builtin_name().empty());
    CHECK(c.lesson_name() == "belady-fifo");
    CHECK_FALSE(make_lesson_view(c).next_lesson.empty());
    // Back to the lesson's own settings: the questions are back.
    auto back = memsim::ui_support::setting_edit("frames", "3");
    REQUIRE(c.execute(cmd::SetSettings{{*back}}).ok);
    CHECK(c.quiz().active());
    CHECK(c.quiz_note().empty());
}

TEST_CASE("changed_settings lists what differs, table by table", "[ui][teaching]") {
    const auto a = parsed("+++\nformat = 1\nkind = \"references\"\n[vm]\nframes = 3\npolicy = \"fifo\"\n+++\n1 2\n");
    const auto b = parsed("+++\nformat = 1\nkind = \"references\"\n[vm]\nframes = 3\npolicy = \"lru\"\ntlb_entries = 8\n+++\n1 2 3\n");
    const auto changes = changed_settings(a, b);
    REQUIRE(changes.size() == 2);
    CHECK(changes[0] == "vm.policy: 'fifo' -> 'lru'");
    CHECK(changes[1] == "vm.tlb_entries: (default) -> 8");
    CHECK(changed_settings(a, a).empty());  // the body alone does not count
}

TEST_CASE("Two questions before one step each get their feedback", "[ui][teaching]") {
    Controller c = quiz_on("call-and-return");
    c.execute(cmd::Seek{3});
    REQUIRE(c.step() == 2);  // held before step 3 by two questions
    const LessonView first = make_lesson_view(c);
    REQUIRE(first.asking);
    CHECK(first.results.empty());
    REQUIRE(c.execute(cmd::Answer{"2"}).ok);  // two frames: right
    CHECK(c.step() == 2);                      // the second question still holds step 3
    const LessonView second = make_lesson_view(c);
    CHECK(second.asking);
    REQUIRE(second.results.size() == 1);
    CHECK(second.results[0].correct);
    CHECK_FALSE(second.held);  // answering is not an attempt to step past
    const std::uint64_t refused_before = c.refused_moves();
    c.execute(cmd::Step{1});   // Right while the question waits
    CHECK(make_lesson_view(c).held);
    CHECK(c.refused_moves() == refused_before + 1);  // each refused press counts, for the phone's cue
    c.execute(cmd::Step{1});
    CHECK(c.refused_moves() == refused_before + 2);
    REQUIRE(c.execute(cmd::SkipQuestion{}).ok);
    CHECK(c.step() == 3);
    const LessonView after = make_lesson_view(c);
    CHECK_FALSE(after.asking);
    REQUIRE(after.results.size() == 2);
    CHECK(after.results[1].text.starts_with("Skipped"));
}

TEST_CASE("The last step of a lesson shows its recap and the next lesson", "[ui][teaching]") {
    Controller c;
    REQUIRE(c.execute(cmd::LoadBuiltin{"call-and-return"}).ok);
    CHECK_FALSE(make_lesson_view(c).at_end);
    c.execute(cmd::RunToEnd{});
    const LessonView end = make_lesson_view(c);
    CHECK(end.at_end);
    CHECK_FALSE(end.recap.empty());
    CHECK(end.next_lesson == course()[1].name);
    CHECK(end.next_label == "Next: " + course()[1].label);
    CHECK(next_lesson(course().back().name) == nullptr);
}

TEST_CASE("The app opens on lesson 1", "[ui][teaching]") {
    CHECK(std::string(default_builtin) == course().front().name);
}

TEST_CASE("The lessons are numbered 1 to N, each number once", "[ui][teaching]") {
    const auto& lessons = course();
    REQUIRE(!lessons.empty());
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        INFO(lessons[i].name);
        CHECK(lessons[i].order == static_cast<int>(i) + 1);
    }
}

TEST_CASE("Finished lessons survive a round trip through the settings line", "[ui][teaching]") {
    CourseProgress p;
    p.finished = {"call-and-return", "stack-vs-heap"};
    CourseProgress back;
    read_finished_list(back, finished_list(p));
    CHECK(back.finished == p.finished);
    read_finished_list(back, " , ,");
    CHECK(back.finished.size() == 2);
}

TEST_CASE("The Source panel folds the front matter into one line", "[ui][teaching]") {
    SourceView view = make_source_view("+++\nformat = 1\ntitle = \"x\"\n+++\nline one\nline two\n", {}, 0, 5);
    fold_front_matter(view);
    REQUIRE(view.lines.size() == 3);
    CHECK(view.lines[0].folded == 4);
    CHECK(view.lines[1].number == 5);
    CHECK(view.lines[1].next);
    // An error inside the front matter keeps it open, so the error can be seen.
    SourceView broken = make_source_view("+++\nformat = x\n+++\nbody\n", {memsim::Error{2, 10, "bad"}}, 0, 0);
    fold_front_matter(broken);
    CHECK(broken.lines.size() == 4);
    SourceView plain = make_source_view("int main(void) {}\n", {}, 0, 0);
    fold_front_matter(plain);
    CHECK(plain.lines.size() == 1);
}

TEST_CASE("Percentages never round a real rate to 0% or 100%", "[ui][teaching]") {
    CHECK(percent_text(0.0) == "0%");
    CHECK(percent_text(1.0) == "100%");
    CHECK(percent_text(12.0 / 2000.0) == "0.6%");  // 12 faults in 2000 references
    CHECK(percent_text(1999.0 / 2000.0) == ">99.9%");
    CHECK(percent_text(0.995) == "99.5%");
    CHECK(percent_text(0.00001) == "<0.1%");
    CHECK(percent_text(0.5) == "50%");
}

TEST_CASE("One panel at a time: tab order, titles and the narrow-screen rule", "[ui][teaching]") {
    ShownPanels shown;
    shown.lesson = true;
    shown.diagram = true;
    shown.large = "heap";
    const auto ids = shown_panel_ids(shown);
    REQUIRE(!ids.empty());
    CHECK(ids.front() == PanelId::Lesson);
    CHECK(large_panel(shown) == PanelId::Heap);
    for (PanelId id : ids) CHECK(panel_by_title(panel_title(id)) == id);
    CHECK(compact_display(390.0f, 16.0f));
    CHECK(compact_display(1170.0f, 48.0f));   // a phone at 3x draws in device pixels
    CHECK_FALSE(compact_display(1366.0f, 16.0f));
}

TEST_CASE("A phone opens on the panel the scenario is about, else on Source", "[ui][teaching]") {
    ShownPanels lesson;  // a lesson: its Lesson tab comes first, but [view] large names the heap
    lesson.lesson = true;
    lesson.large = "heap";
    CHECK(opening_panel(lesson) == PanelId::Heap);
    ShownPanels program;  // a C program without `large`: its text first
    program.lesson = true;
    program.diagram = true;
    CHECK(opening_panel(program) == PanelId::Source);
    ShownPanels hidden_large = program;  // `large` names a panel the run cannot fill
    hidden_large.large = "vm";
    hidden_large.virtual_memory = false;
    CHECK(opening_panel(hidden_large) == PanelId::Source);
    ShownPanels no_source;  // an embedding page chose ?panels=stack,events
    no_source.source = no_source.heap = no_source.virtual_memory = no_source.statistics = false;
    CHECK(opening_panel(no_source) == PanelId::Stack);
}

TEST_CASE("A phone opens the Lesson tab when a question starts waiting, then points there", "[ui][teaching]") {
    // The frame the question starts waiting, on the Heap tab: go to the Lesson.
    CHECK(question_cue(true, false, false, PanelId::Heap, true) == QuestionCue::OpenLesson);
    // The learner went back to Heap while it still waits: a banner, no second jump.
    CHECK(question_cue(true, true, false, PanelId::Heap, true) == QuestionCue::Banner);
    // ... until they press > again, which the question refuses: back to the Lesson.
    CHECK(question_cue(true, true, true, PanelId::Heap, true) == QuestionCue::OpenLesson);
    // Already on the Lesson tab, nothing waiting, or no Lesson tab: nothing.
    CHECK(question_cue(true, false, false, PanelId::Lesson, true) == QuestionCue::None);
    CHECK(question_cue(true, true, true, PanelId::Lesson, true) == QuestionCue::None);
    CHECK(question_cue(false, true, true, PanelId::Heap, true) == QuestionCue::None);
    CHECK(question_cue(true, false, true, PanelId::Heap, false) == QuestionCue::None);
}

TEST_CASE("Lesson 12 draws as many page tables as the engine counts", "[ui][teaching]") {
    Controller c;
    REQUIRE(c.execute(cmd::LoadBuiltin{"multi-level-page-table"}).ok);
    const Quiz& quiz = [&]() -> const Quiz& {
        c.execute(cmd::SetQuizMode{true});
        return c.quiz();
    }();
    int compared = 0;
    for (const QuizItem& item : quiz.items()) {
        if (item.question.fact != "page_tables") continue;
        c.execute(cmd::SetQuizMode{false});
        c.execute(cmd::Seek{item.question.step});
        const PageTablesView view = make_page_tables_view(*c.simulator());
        INFO("step " << item.question.step);
        REQUIRE(view.available);
        CHECK(std::to_string(view.tables) == item.truth);
        CHECK(view.boxes.size() + 1 == view.tables);  // two levels: the directory and its tables
        CHECK(view.used_root_entries == view.boxes.size());
        ++compared;
    }
    CHECK(compared == 3);
}
