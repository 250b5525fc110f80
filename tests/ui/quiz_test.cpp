#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "controller_at.hpp"
#include "ui/builtin_scenarios.hpp"
#include "ui/page_api.hpp"
#include "ui/panels/lesson_panel.hpp"
#include "page_api_call.hpp"

using namespace memsim::ui;
using nlohmann::json;
using memsim::ui::test::call;

TEST_CASE("The course lists the lessons in order", "[ui][quiz]") {
    const auto& lessons = course();
    REQUIRE(lessons.size() >= 14);
    CHECK(std::string(lessons.front().name) == "call-and-return");
    CHECK(lessons.front().label == "1. Procedure call and return");
    for (std::size_t i = 1; i < lessons.size(); ++i) CHECK(lessons[i - 1].order <= lessons[i].order);
}

TEST_CASE("In quiz mode a question holds the run before its step until it is answered", "[ui][quiz]") {
    // belady-fifo asks first before step 4: which page does FIFO evict? (page 1)
    Controller c = quiz_on("belady-fifo");
    c.execute(cmd::Seek{10});
    CHECK(c.step() == 3);
    c.execute(cmd::RunToEnd{});
    CHECK(c.step() == 3);
    REQUIRE(c.quiz().pending(3) != nullptr);
    const LessonView asking = make_lesson_view(c);
    CHECK(asking.asking);
    CHECK(asking.offered == std::vector<std::string>{"1", "2", "3", "none"});  // the pages in memory
    CHECK(c.execute(cmd::Answer{"2"}).ok);     // wrong, and the step is revealed anyway
    CHECK(c.step() == 4);
    CHECK(c.quiz().correct() == 0);
    const LessonView after = make_lesson_view(c);
    CHECK(after.has_result);
    CHECK_FALSE(after.result_correct);
    CHECK(after.result.find("the answer is 1") != std::string::npos);
    CHECK(c.execute(cmd::Answer{"2"}).ok);     // before step 5: page 2 is the victim
    CHECK(c.quiz().correct() == 1);
    CHECK(c.execute(cmd::SkipQuestion{}).ok == false);  // step 6 asks nothing
    c.execute(cmd::Step{1});
    CHECK(c.step() == 6);
    c.execute(cmd::Back{6});
    c.execute(cmd::Seek{7});
    CHECK(c.step() == 7);                      // answered questions do not ask again
    CHECK(make_lesson_view(c).score == "Score 1 of 2 answered (4 questions)");
}

TEST_CASE("Without quiz mode the questions neither hold the run nor wait", "[ui][quiz]") {
    Controller c;
    REQUIRE(c.execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    c.execute(cmd::Seek{10});
    CHECK(c.step() == 10);
    CHECK_FALSE(make_lesson_view(c).asking);
    CHECK_FALSE(c.execute(cmd::Answer{"1"}).ok);
}

TEST_CASE("The JS API answers, skips and reports the score", "[ui][quiz][api]") {
    Controller c = quiz_on("textbook-lru");
    json q = call(c, "quiz");
    CHECK(q["pending"].is_null());
    CHECK(call(c, "step", 10)["step"] == 3);
    q = call(c, "quiz");
    REQUIRE(q["pending"].is_object());
    CHECK(q["pending"]["kind"] == "victim_page");
    CHECK(q["items"][0].contains("answer") == false);   // not revealed before it is asked
    json r = call(c, "answer", 7);
    CHECK(r["ok"] == true);
    CHECK(r["quiz"]["correct"] == 1);
    CHECK(r["quiz"]["items"][0]["outcome"] == "correct");
    CHECK(r["quiz"]["pending"]["kind"] == "hit_or_miss");  // step 5 asks next
    r = call(c, "skipQuestion");
    CHECK(r["quiz"]["items"][1]["outcome"] == "skipped");
    CHECK(r["quiz"]["items"][1]["answer"] == "hit");
    CHECK(call(c, "quizMode", "yes")["ok"] == false);
    CHECK(call(c, "course")[0]["name"] == "call-and-return");
}

TEST_CASE("A generated quiz problem loads as a lesson and grades against the engine", "[ui][quiz][api]") {
    Controller c;
    c.execute(cmd::SetQuizMode{true});
    REQUIRE(call(c, "quizProblem", {{"kind", "heap"}, {"seed", 3}})["ok"] == true);
    const json q = call(c, "quiz");
    REQUIRE(q["pending"].is_object());      // the first call is a malloc
    CHECK(q["pending"]["kind"] == "malloc_block");
    CHECK(call(c, "quizProblem", {{"kind", "translate"}, {"seed", 3}})["ok"] == false);
}

TEST_CASE("Lesson text is reflowed into paragraphs; indented lines keep their place", "[ui][quiz]") {
    CHECK(lesson_paragraphs("In simple words: a\nlocal lives\n\nin a frame.\n") == "In simple words: a local lives\n\nin a frame.");
    CHECK(lesson_paragraphs("Compare them:\n\n  memsim heap --ops x\n\nAfter.") == "Compare them:\n\n  memsim heap --ops x\n\nAfter.");
}
