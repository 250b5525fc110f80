#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "memsim/core/text.hpp"
#include "memsim/machine/lesson_check.hpp"
#include "memsim/quiz/quiz.hpp"

using namespace memsim;
using namespace memsim::quiz;

namespace {

// An independent textbook model of FIFO / LRU / OPT on numbered frames: for each
// reference, "hit" or the victim ("-" when a free frame was used). A new page takes the
// lowest free frame; OPT breaks ties (pages never used again) by the lowest frame, as
// the engine documents (memsim/vm/replacement/opt.hpp) and the problem text says.
std::vector<std::string> textbook_run(const std::string& policy, std::size_t frames, const std::vector<int>& refs) {
    std::vector<int> page(frames, -1);
    std::vector<std::size_t> arrived(frames, 0), used(frames, 0);
    std::vector<std::string> outcome;
    for (std::size_t i = 0; i < refs.size(); ++i) {
        const auto at = std::find(page.begin(), page.end(), refs[i]);
        if (at != page.end()) {
            used[static_cast<std::size_t>(at - page.begin())] = i;
            outcome.emplace_back("hit");
            continue;
        }
        const auto free_frame = std::find(page.begin(), page.end(), -1);
        std::size_t f = static_cast<std::size_t>(free_frame - page.begin());
        if (free_frame == page.end()) {
            f = 0;
            std::size_t best_next = 0;
            for (std::size_t k = 0; k < frames; ++k) {
                std::size_t next = i + 1;
                while (next < refs.size() && refs[next] != page[k]) ++next;
                const bool better = policy == "fifo" ? arrived[k] < arrived[f]
                                  : policy == "lru"  ? used[k] < used[f]
                                                     : next > best_next;
                if (k == 0 || better) f = k;
                if (policy == "opt" && (k == 0 || next > best_next)) best_next = next;
            }
            outcome.push_back(std::to_string(page[f]));
        } else {
            outcome.emplace_back("-");
        }
        page[f] = refs[i];
        arrived[f] = used[f] = i;
    }
    return outcome;
}

std::string line_after(const std::string& text, const std::string& prefix) {
    const auto at = text.find(prefix);
    if (at == std::string::npos) return "";
    const auto start = at + prefix.size();
    return text.substr(start, text.find('\n', start) - start);
}

}  // namespace

TEST_CASE("Quiz problems are the same for the same seed and differ between seeds", "[quiz]") {
    for (QuizKind kind : {QuizKind::Paging, QuizKind::Heap, QuizKind::Translate}) {
        const QuizProblem a = generate(kind, 7), b = generate(kind, 7), c = generate(kind, 8);
        CHECK(a.problem == b.problem);
        CHECK(a.answers == b.answers);
        CHECK(a.scenario == b.scenario);
        CHECK(a.problem != c.problem);
        CHECK(a.answers.starts_with(a.problem));
    }
}

TEST_CASE("Quiz seed 7 gives the reviewed problems on every platform", "[quiz]") {
    // Fixed first lines pin the generators' sequence: a change here changes every
    // published problem number, so it must be deliberate.
    CHECK(line_after(generate(QuizKind::Paging, 7).problem, "Reference string: ") == "1 3 4 3 5 3 4 1 3 5 2 5");
    CHECK(line_after(generate(QuizKind::Translate, 7).problem, "Address space ") ==
          "32 KiB, physical memory 128 KiB, pages of 1 KiB (32 pages, offset = low 10 bits).");
}

TEST_CASE("Paging problems agree with a textbook FIFO, LRU and OPT for many seeds", "[quiz][vm]") {
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
        const QuizProblem q = generate(QuizKind::Paging, seed);
        const std::string policy_line = line_after(q.problem, "Policy ");
        const std::string policy = policy_line.starts_with("FIFO") ? "fifo" : policy_line.starts_with("LRU") ? "lru" : "opt";
        std::vector<int> refs;
        std::istringstream in(line_after(q.problem, "Reference string: "));
        for (int page; in >> page;) refs.push_back(page);
        REQUIRE(refs.size() == 12);
        const auto expected = textbook_run(policy, 3, refs);
        for (std::size_t i = 0; i < refs.size(); ++i) {
            const std::string worked = line_after(q.answers, "  " + std::to_string(i + 1) + ". page " + std::to_string(refs[i]) + ": ");
            INFO("seed " << seed << " reference " << i + 1 << ": " << worked);
            if (expected[i] == "hit") {
                CHECK(worked.starts_with("hit"));
            } else {
                CHECK(worked.starts_with("miss"));
                CHECK((worked.find("evicts " + expected[i] + " ") != std::string::npos) == (expected[i] != "-"));
            }
        }
    }
}

TEST_CASE("The scenario form of paging and heap problems passes the engine's answer check", "[quiz][lesson]") {
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        for (QuizKind kind : {QuizKind::Paging, QuizKind::Heap}) {
            const QuizProblem q = generate(kind, seed);
            auto sim = machine::Simulator::load(q.scenario);
            INFO(quiz_kind_name(kind) << " seed " << seed);
            REQUIRE(sim);
            CHECK(sim->scenario().teaching.questions.size() >= 4);
            CHECK(machine::check_lesson(*sim).empty());
        }
    }
}

TEST_CASE("Translation answers are the PFN glued to the offset, or invalid", "[quiz][vm]") {
    for (std::uint64_t seed = 1; seed <= 40; ++seed) {
        const QuizProblem q = generate(QuizKind::Translate, seed);
        const std::uint64_t page = line_after(q.problem, "pages of ").starts_with("1 KiB") ? 1024
                                   : line_after(q.problem, "pages of ").starts_with("2 KiB") ? 2048 : 4096;
        std::istringstream solution(q.answers.substr(q.answers.find("Solution:")));
        std::string line;
        std::getline(solution, line);
        int checked = 0;
        while (std::getline(solution, line)) {
            INFO("seed " << seed << ": " << line);
            const auto va = parse_u64(line_after(line + "\n", "VA ").substr(0, line_after(line + "\n", "VA ").find(' ')));
            REQUIRE(va);
            const std::uint64_t vpn = *va / page;
            const std::string entry = line_after(q.problem, "  [" + std::to_string(vpn) + "] ");
            if (entry == "invalid") {
                CHECK(line.find("invalid") != std::string::npos);
            } else {
                const auto pfn = parse_u64(entry.substr(entry.rfind(' ') + 1));
                REQUIRE(pfn);
                CHECK(line.find("= " + hex(*pfn * page + *va % page) + " ") != std::string::npos);
            }
            ++checked;
        }
        CHECK(checked == 5);
    }
}
