#include <catch2/catch.hpp>

#include "memsim/scenario/scenario.hpp"

using namespace memsim;
using namespace memsim::scenario;

namespace {
std::string with_front(const std::string& extra) {
    return "+++\nformat = 1\nkind = \"references\"\n" + extra + "+++\n1 2 3 4 1 2 5 1 2 3 4 5\n";
}
}  // namespace

TEST_CASE("A lesson's course order, narration and questions are read, sorted by step", "[scenario][lesson]") {
    const auto s = parse_scenario(with_front(
        "[course]\norder = 9\n"
        "[[narration]]\nstep = 5\ntext = \"Memory is full now.\"\n"
        "[[question]]\nstep = 7\nask = \"Which page is evicted?\"\nkind = \"victim_page\"\nanswer = 1\n"
        "explain = \"Page 1 came first.\"\n"
        "[[question]]\nstep = 4\nask = \"Hit or miss?\"\nkind = \"hit_or_miss\"\nanswer = \"miss\"\n"));
    REQUIRE(s);
    const LessonParts& t = s->teaching;
    CHECK(t.order == 9);
    REQUIRE(t.narration.size() == 1);
    CHECK(t.narration[0].step == 5);
    REQUIRE(t.questions.size() == 2);
    CHECK(t.questions[0].step == 4);
    CHECK(t.questions[0].kind == QuestionKind::HitOrMiss);
    CHECK(t.questions[1].answer == "1");            // a number is kept as its text
    CHECK(t.questions[1].explain == "Page 1 came first.");
    CHECK(t.questions[1].line == 13);               // the line of `answer = 1` in the file
}

TEST_CASE("A scenario without lesson parts is not in the course", "[scenario][lesson]") {
    const auto s = parse_scenario(with_front(""));
    REQUIRE(s);
    CHECK(s->teaching.order == 0);
    CHECK(s->teaching.questions.empty());
}

TEST_CASE("Lesson mistakes name line and column and suggest the nearest key", "[scenario][lesson][errors]") {
    SECTION("a misspelt question key") {
        const auto s = parse_scenario(with_front("[[question]]\nstep = 1\nask = \"?\"\nkind = \"hit_or_miss\"\nanwser = \"miss\"\n"));
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 8);
        CHECK(s.error().column == 1);
        CHECK(s.error().message.find("did you mean 'question 1.answer'?") != std::string::npos);
    }
    SECTION("an unknown question kind") {
        const auto s = parse_scenario(with_front("[[question]]\nstep = 1\nask = \"?\"\nkind = \"hit_or_mis\"\nanswer = \"miss\"\n"));
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 7);
        CHECK(s.error().message.find("did you mean 'hit_or_miss'?") != std::string::npos);
    }
    SECTION("a hit_or_miss answer that is neither") {
        const auto s = parse_scenario(with_front("[[question]]\nstep = 1\nask = \"?\"\nkind = \"hit_or_miss\"\nanswer = \"maybe\"\n"));
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 8);
        CHECK(s.error().message.find("\"hit\" or \"miss\"") != std::string::npos);
    }
    SECTION("a choice answer that is not among the choices") {
        const auto s = parse_scenario(with_front(
            "[[question]]\nstep = 1\nask = \"?\"\nkind = \"choice\"\nfact = \"state\"\nchoices = [\"a\", \"b\"]\nanswer = \"c\"\n"));
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 10);
    }
    SECTION("a choice about the step's event that no event kind is called") {
        const auto s = parse_scenario(with_front("[[question]]\nstep = 1\nask = \"?\"\nkind = \"choice\"\n"
                                                 "choices = [\"none\", \"Double-Free\", \"doublefree\"]\nanswer = \"none\"\n"));
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 8);
        CHECK(s.error().message.find("'doublefree' is not an event kind") != std::string::npos);
    }
    SECTION("narration written as a plain table") {
        const auto s = parse_scenario(with_front("[narration]\nstep = 1\ntext = \"x\"\n"));
        REQUIRE_FALSE(s);
        CHECK(s.error().message.find("[[narration]]") != std::string::npos);
    }
    SECTION("a misspelt course key") {
        const auto s = parse_scenario(with_front("[course]\nodrer = 3\n"));
        REQUIRE_FALSE(s);
        CHECK(s.error().line == 5);
        CHECK(s.error().message.find("did you mean 'course.order'?") != std::string::npos);
    }
}

TEST_CASE("Answers compare numbers by value and words without case", "[scenario][lesson]") {
    CHECK(same_answer("12", "0xc"));
    CHECK(same_answer(" Miss ", "miss"));
    CHECK_FALSE(same_answer("hit", "miss"));
    CHECK_FALSE(same_answer("0x10", "15"));
}
