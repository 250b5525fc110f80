#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "memsim/ostep/problem.hpp"

using namespace memsim::ostep;
namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// One address as the real script printed it with -c.
struct PrintedAnswer {
    std::int64_t vaddr = 0;
    std::optional<std::int64_t> paddr{};
    std::optional<int> value{};  // multi-level: the byte read
    bool solved = false;         // false: the script asked instead ("--> PA or ...?")
};

// The scripts print a negative address as "0x-00001ae".
std::int64_t hex(const std::string& digits) {
    return digits.front() == '-' ? -std::stoll(digits.substr(1), nullptr, 16) : std::stoll(digits, nullptr, 16);
}

// The addresses and answers in a reference stdout of the real script.
std::vector<PrintedAnswer> printed_answers(const std::string& stdout_text) {
    static const std::regex va(R"((?:^\s+VA\s+\d+:\s+|^\s+VA\s+|^Virtual Address\s+)(?:0x)?(-?[0-9a-f]+))");
    static const std::regex valid(R"(--> (?:VALID in SEG\d: |VALID: )?(?:0x)?(-?[0-9a-f]{7,8}) \(decimal)");
    static const std::regex multilevel(R"(Translates to Physical Address 0x([0-9a-f]+) --> Value: 0x([0-9a-f]+))");
    std::vector<PrintedAnswer> answers;
    for (const std::string& line : lines_of(stdout_text)) {
        std::smatch m;
        if (std::regex_search(line, m, va)) answers.push_back({.vaddr = hex(m[1])});
        if (answers.empty()) continue;
        PrintedAnswer& a = answers.back();
        if (line.find("VIOLATION") != std::string::npos || line.find("Invalid (VPN") != std::string::npos ||
            line.find("--> Fault") != std::string::npos) {
            a.solved = true;
        } else if (std::regex_search(line, m, multilevel)) {
            a.solved = true;
            a.paddr = hex(m[1]);
            a.value = static_cast<int>(hex(m[2]));
        } else if (std::regex_search(line, m, valid)) {
            a.solved = true;
            a.paddr = hex(m[1]);
        }
    }
    return answers;
}

}  // namespace

// The oracle is the real scripts' output (tests/cli/ostep/, made by tools/ostep_reference.py):
// for every reference case of the four translation scripts, the problem memsim poses has
// the same addresses in the same order and the same answer for each; where the script
// refused its arguments, so does the problem, with the script's last line of error.
TEST_CASE("An OSTEP translation problem has the real script's addresses and answers", "[ostep][problem]") {
    const fs::path root = fs::path(MEMSIM_SOURCE_DIR) / "tests" / "cli" / "ostep";
    int solved_cases = 0, refused_cases = 0, addresses = 0;
    for (const char* dir : {"relocation", "segmentation", "paging-linear-translate", "paging-multilevel-translate"}) {
        const std::string script = std::string(dir) + ".py";
        REQUIRE(has_translation_problem(script));
        for (const auto& entry : fs::directory_iterator(root / dir)) {
            if (entry.path().extension() != ".args") continue;
            fs::path base = entry.path();
            base.replace_extension();
            const std::vector<std::string> args = lines_of(read_text(entry.path()));
            const std::string code = read_text(base.string() + ".code");
            const std::vector<PrintedAnswer> printed = printed_answers(read_text(base.string() + ".stdout"));
            INFO(script << " case " << base.filename().string());
            const auto problem = ostep_problem(script, args);
            if (code.rfind("0", 0) != 0) {
                REQUIRE_FALSE(problem.has_value());
                const std::vector<std::string> err = lines_of(read_text(base.string() + ".stderr"));
                if (!err.empty() && !problem.has_value()) {
                    // A traceback's last line is Python's exception; memsim names it in a sentence.
                    const std::string traceback = "Traceback: ";
                    const std::string& message = problem.error().message;
                    if (err.back().rfind(traceback, 0) == 0)
                        CHECK(message.find(err.back().substr(traceback.size())) != std::string::npos);
                    else
                        CHECK(message == err.back());
                }
                ++refused_cases;
                continue;
            }
            if (printed.empty()) {  // -h, or -n 0
                CHECK_FALSE(problem.has_value());
                continue;
            }
            REQUIRE(problem.has_value());
            REQUIRE(problem->translations.size() == printed.size());
            if (!printed.front().solved) continue;  // without -c the script only asks
            ++solved_cases;
            for (std::size_t i = 0; i < printed.size(); ++i) {
                const Translation& t = problem->translations[i];
                CHECK(t.vaddr == printed[i].vaddr);
                CHECK(t.paddr == printed[i].paddr);
                if (printed[i].value) CHECK(t.value == printed[i].value);
                char expected[32];
                std::snprintf(expected, sizeof expected, "0x%llx", static_cast<unsigned long long>(t.paddr.value_or(0)));
                CHECK(quiz_answer(t) == (t.paddr ? std::string(expected) : std::string("fault")));
                ++addresses;
            }
        }
    }
    CHECK(solved_cases >= 30);
    CHECK(refused_cases >= 10);
    CHECK(addresses >= 200);
}

TEST_CASE("A translation problem too large to draw or ask is refused with the limit", "[ostep][problem]") {
    const auto many = ostep_problem("relocation.py", {"-s", "1", "-n", "5000"});
    REQUIRE_FALSE(many.has_value());
    CHECK(many.error().message.find("1000") != std::string::npos);
    const auto none = ostep_problem("relocation.py", {"-n", "0"});
    REQUIRE_FALSE(none.has_value());
    CHECK(none.error().message.find("no addresses") != std::string::npos);
    const auto bad = ostep_problem("segmentation.py", {"-x"});
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().message.find("no such option: -x") != std::string::npos);
    CHECK_FALSE(ostep_problem("malloc.py", {}).has_value());
}

TEST_CASE("The multi-level walk records the directory and table entries the script read", "[ostep][problem]") {
    const auto problem = ostep_problem("paging-multilevel-translate.py", {"-s", "0"});
    REQUIRE(problem.has_value());
    REQUIRE(problem->memory.size() == 4096);
    for (const Translation& t : problem->translations) {
        REQUIRE(t.pde);
        CHECK(t.pde->page == problem->pdbr);
        CHECK(t.pde->contents == problem->memory[static_cast<std::size_t>(t.pde->page * 32 + t.pde->index)]);
        if (!t.pde->valid()) {
            CHECK_FALSE(t.pte);
            CHECK_FALSE(t.paddr);
            continue;
        }
        REQUIRE(t.pte);
        CHECK(t.pte->page == t.pde->pfn());
        CHECK(t.pte->contents == problem->memory[static_cast<std::size_t>(t.pte->page * 32 + t.pte->index)]);
        if (t.pte->valid()) {
            REQUIRE(t.paddr);
            CHECK(*t.paddr == t.pte->pfn() * 32 + (t.vaddr & 31));
            CHECK(t.value == problem->memory[static_cast<std::size_t>(*t.paddr)]);
        }
    }
}
