// An OSTEP translation problem in the app: the address table reveals the script's answers
// one step at a time, and typed answers are graded against the script's.
#include <catch2/catch.hpp>

#include "memsim/ostep/scenario.hpp"
#include "ui/controller.hpp"
#include "ui/panels/ostep_problem_view.hpp"

using namespace memsim;
using namespace memsim::ui;

namespace {

Controller loaded(const char* script, std::vector<std::string> args) {
    const auto text = ostep::ostep_scenario(script, args, nullptr);
    REQUIRE(text.has_value());
    Controller c;
    REQUIRE(c.execute(cmd::Load{*text}).ok);
    c.execute(cmd::SetQuizMode{false});
    return c;
}

}  // namespace

TEST_CASE("The OSTEP address table hides each answer until its step", "[ui][ostep]") {
    Controller c = loaded("segmentation.py", {"-s", "1", "-n", "6"});
    REQUIRE(c.snapshot().ostep.has_value());
    const ostep::OstepProblem& problem = *c.snapshot().ostep->problem;
    REQUIRE(problem.translations.size() == 6);
    REQUIRE(c.total_steps() == 6);

    std::vector<OstepRow> rows = make_ostep_rows(*c.snapshot().ostep);
    REQUIRE(rows.size() == 6);
    for (const OstepRow& row : rows) CHECK(row.answer == "?");
    CHECK(current_translation(*c.snapshot().ostep) == nullptr);

    c.execute(cmd::Seek{3});
    rows = make_ostep_rows(*c.snapshot().ostep);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const ostep::Translation& t = problem.translations[i];
        INFO("address " << i);
        CHECK(rows[i].current == (i == 2));
        CHECK(rows[i].full_answer == ostep::answer_text(problem, t));  // sizes the column, shown or not
        if (i < 3) {
            CHECK(rows[i].answer == ostep::answer_text(problem, t));
            CHECK(rows[i].fault == !t.paddr.has_value());
        } else {
            CHECK(rows[i].answer == "?");
            CHECK_FALSE(rows[i].fault);
        }
    }
    CHECK(current_translation(*c.snapshot().ostep) == &problem.translations[2]);
}

TEST_CASE("A typed physical address is graded against the script's answer", "[ui][ostep]") {
    const auto text = ostep::ostep_scenario("relocation.py", {"-s", "1"}, nullptr);
    REQUIRE(text.has_value());
    Controller c;
    REQUIRE(c.execute(cmd::Load{*text}).ok);
    c.execute(cmd::SetQuizMode{true});
    const ostep::OstepProblem& problem = *c.snapshot().ostep->problem;
    // relocation.py -s 1: 0x30e is past the limit (a violation), 0x105 lands at base + 0x105.
    REQUIRE_FALSE(problem.translations[0].paddr);
    REQUIRE(problem.translations[1].paddr == problem.base + 0x105);
    REQUIRE(c.quiz().pending(c.step()) != nullptr);
    c.execute(cmd::Answer{"0x30e"});  // wrong (the address itself): still reveals the step
    CHECK(c.quiz().answered() == 1);
    CHECK(c.quiz().correct() == 0);
    CHECK(c.step() == 1);
    c.execute(cmd::Answer{std::to_string(problem.base + 0x105)});  // right, in decimal
    CHECK(c.quiz().correct() == 1);
    CHECK(c.step() == 2);
}

TEST_CASE("A malloc.py problem is drawn in the Heap panel with its ops and typed answers", "[ui][ostep]") {
    const auto text = ostep::ostep_scenario("malloc.py", {"-s", "1"}, nullptr);
    REQUIRE(text.has_value());
    Controller c;
    REQUIRE(c.execute(cmd::Load{*text}).ok);
    c.execute(cmd::SetQuizMode{true});
    REQUIRE(is_heap_problem(c.snapshot()));
    const ostep::OstepProblem& problem = *c.snapshot().ostep->problem;
    REQUIRE(problem.heap_ops.size() == 10);
    std::vector<OstepRow> rows = make_ostep_rows(*c.snapshot().ostep);
    REQUIRE(rows.size() == 10);
    CHECK(rows[0].vaddr == "ptr[0] = Alloc(9)");
    CHECK(rows[0].answer == "?");
    CHECK(current_translation(*c.snapshot().ostep) == nullptr);
    // malloc.py -s 1 -c: "ptr[0] = Alloc(9) returned 1000 (searched 1 elements)"
    REQUIRE(c.quiz().pending(c.step()) != nullptr);
    c.execute(cmd::Answer{"1000"});
    CHECK(c.quiz().correct() == 1);
    CHECK(c.step() == 1);
    rows = make_ostep_rows(*c.snapshot().ostep);
    CHECK(rows[0].answer == "returned 1000 (searched 1 elements)");
    CHECK(rows[0].current);
    CHECK(rows[1].answer == "?");
    c.execute(cmd::Step{1});  // Free(ptr[0]) asks nothing
    CHECK(c.step() == 2);
    c.execute(cmd::Answer{"1009"});  // wrong: BEST fit takes the 9-byte hole at 1000
    CHECK(c.quiz().correct() == 1);
    CHECK(c.quiz().answered() == 2);
}

TEST_CASE("The script's CLOCK is a problem whose rows reveal the cache step by step", "[ui][ostep]") {
    const auto text = ostep::ostep_scenario("paging-policy.py", {"-p", "CLOCK", "-s", "5", "-n", "20"}, nullptr);
    REQUIRE(text.has_value());
    Controller c;
    REQUIRE(c.execute(cmd::Load{*text}).ok);
    REQUIRE(c.snapshot().ostep.has_value());
    CHECK_FALSE(is_heap_problem(c.snapshot()));
    c.execute(cmd::SetQuizMode{false});
    c.execute(cmd::Seek{7});
    const std::vector<OstepRow> rows = make_ostep_rows(*c.snapshot().ostep);
    REQUIRE(rows.size() == 20);
    // paging-policy.py -p CLOCK -s 5 -n 20 -c, reference 7: "Access: 0  MISS ... [7, 9, 0] ... Replaced:6"
    CHECK(rows[6].vaddr == "Access: 0");
    CHECK(rows[6].answer == "MISS, replaced 6: [7, 9, 0]");
    CHECK(rows[6].current);
    CHECK(rows[6].fault);
    CHECK(rows[2].answer == "HIT  [6, 7]");
    CHECK(rows[7].answer == "?");
}
