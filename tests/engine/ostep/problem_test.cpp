#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "memsim/ostep/problem.hpp"
#include "memsim/ostep/scenario.hpp"

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
        REQUIRE(has_problem_form(script));
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
    CHECK_FALSE(ostep_problem("nope.py", {}).has_value());
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

namespace {

// One op of malloc.py as the real script printed it with -c.
struct PrintedOp {
    std::string op;              // "ptr[0] = Alloc(9)", "Free(ptr[0])", "Invalid Free: Skipping"
    std::optional<std::int64_t> result{}, searched{};
    std::string free_list{};     // the "Free List [ Size n ]: ..." line after it
};

std::vector<PrintedOp> printed_ops(const std::string& stdout_text) {
    static const std::regex alloc(R"(^(ptr\[\d+\] = Alloc\(-?\d+\)) returned (-?\d+) \(searched (\d+) elements\))");
    static const std::regex asked(R"(^(ptr\[\d+\] = Alloc\(-?\d+\)) returned \?)");
    static const std::regex returned(R"(^returned (-?\d+))");
    std::vector<PrintedOp> ops;
    for (const std::string& line : lines_of(stdout_text)) {
        std::smatch m;
        if (std::regex_search(line, m, alloc)) {
            ops.push_back({.op = m[1], .result = std::stoll(m[2]), .searched = std::stoll(m[3])});
        } else if (std::regex_search(line, m, asked)) {
            ops.push_back({.op = m[1]});
        } else if (line.rfind("Free(ptr[", 0) == 0 || line == "Invalid Free: Skipping") {
            ops.push_back({.op = line});
        } else if (!ops.empty() && std::regex_search(line, m, returned)) {
            ops.back().result = std::stoll(m[1]);
        } else if (!ops.empty() && line.rfind("Free List", 0) == 0) {
            ops.back().free_list = line;
        }
    }
    return ops;
}

}  // namespace

// The same oracle for malloc.py: every op of every reference case, with what it returned,
// the entries it searched and the free list after it, exactly as the script printed them.
TEST_CASE("An OSTEP malloc.py problem has the real script's ops, answers and free lists", "[ostep][problem]") {
    const fs::path dir = fs::path(MEMSIM_SOURCE_DIR) / "tests" / "cli" / "ostep" / "malloc";
    REQUIRE(has_problem_form("malloc.py"));
    int solved_cases = 0, refused_cases = 0, ops = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".args") continue;
        fs::path base = entry.path();
        base.replace_extension();
        const std::vector<std::string> args = lines_of(read_text(entry.path()));
        const std::string code = read_text(base.string() + ".code");
        const std::vector<PrintedOp> printed = printed_ops(read_text(base.string() + ".stdout"));
        INFO("malloc.py case " << base.filename().string());
        const auto problem = ostep_problem("malloc.py", args);
        if (code.rfind("0", 0) != 0 || printed.empty()) {
            CHECK_FALSE(problem.has_value());
            refused_cases += code.rfind("0", 0) != 0 ? 1 : 0;
            continue;
        }
        REQUIRE(problem.has_value());
        REQUIRE(problem->heap_ops.size() == printed.size());
        if (printed.front().free_list.empty()) continue;  // without -c the script only asks
        ++solved_cases;
        for (std::size_t i = 0; i < printed.size(); ++i) {
            const HeapOp& op = problem->heap_ops[i];
            INFO("op " << i << ": " << printed[i].op);
            if (op.kind == HeapOp::Kind::SkippedFree) {
                CHECK(printed[i].op == "Invalid Free: Skipping");
                CHECK(heap_answer_text(op) == printed[i].op);
                ++ops;
                continue;
            }
            CHECK(heap_op_text(op) == printed[i].op);
            CHECK(op.result == printed[i].result);
            if (op.kind == HeapOp::Kind::Alloc) CHECK(op.searched == printed[i].searched);
            CHECK(free_list_text(op.free_list) == printed[i].free_list);
            CHECK_FALSE(explain_heap_op(*problem, i).empty());
            ++ops;
        }
    }
    CHECK(solved_cases >= 40);
    CHECK(refused_cases >= 8);
    CHECK(ops >= 500);
}

TEST_CASE("A malloc.py problem keeps the chunks in use and each op's chunk", "[ostep][problem]") {
    const auto problem = ostep_problem("malloc.py", {"-A", "+10,+20,-0,+5,-1,-1", "-C"});
    REQUIRE(problem.has_value());
    REQUIRE(problem->heap_ops.size() == 6);
    CHECK(problem->heap_base == 1000);
    CHECK(problem->heap_size == 100);
    const auto& o = problem->heap_ops;
    CHECK(o[1].used == std::vector<HeapChunk>{{1000, 10}, {1010, 20}});
    CHECK(o[2].chunk == HeapChunk{1000, 10});  // Free(ptr[0]) gives back its 10 bytes
    CHECK(o[3].chunk == HeapChunk{1000, 5});   // BEST fit: the 10-byte hole beats the 70
    CHECK(o[4].chunk == HeapChunk{1010, 20});
    CHECK(o[4].free_list == std::vector<HeapChunk>{{1005, 95}});  // -C merges the neighbours
    CHECK_FALSE(o[5].chunk);                   // freed twice: not allocated any more
    CHECK(o[5].result == -1);
    CHECK(explain_heap_op(*problem, 5).find("returns -1") != std::string::npos);
    CHECK(explain_heap_op(*problem, 3).find("cutting 5 bytes from the front of its 10 bytes") != std::string::npos);
    const auto many = ostep_problem("malloc.py", {"-n", "5000"});
    REQUIRE_FALSE(many.has_value());
    CHECK(many.error().message.find("more than 1000 mallocs and frees") != std::string::npos);
    CHECK(ostep_problem("malloc.py", {"-n", "0"}).error().message.find("no mallocs or frees") != std::string::npos);
}

namespace {

const std::regex policy_access(R"(^Access: (-?\d+)  (HIT |MISS) .* -> +(\[[-0-9, ]*\]) <- .* Replaced:(-|-?\d+) )");

// The references paging-policy.py printed with -c: page, hit, victim and the cache after.
std::vector<CacheAccess> printed_accesses(const std::string& stdout_text) {
    std::vector<CacheAccess> printed;
    for (const std::string& line : lines_of(stdout_text)) {
        std::smatch m;
        if (!std::regex_search(line, m, policy_access)) continue;
        CacheAccess a{.page = std::stoll(m[1]), .hit = m[2] == "HIT "};
        if (m[4] != "-") a.victim = std::stoll(m[4]);
        std::string list = m[3];
        for (char& c : list) c = (c == '[' || c == ']' || c == ',') ? ' ' : c;
        std::istringstream pages(list);
        for (std::int64_t page = 0; pages >> page;) a.cache.push_back(page);
        printed.push_back(a);
    }
    return printed;
}

}  // namespace

// And for paging-policy.py, every policy: each reference, hit or miss, the page replaced
// and the cache afterwards, as the script printed them (or its totals with -N).
TEST_CASE("An OSTEP paging-policy.py problem has the real script's cache, reference by reference", "[ostep][problem]") {
    const fs::path dir = fs::path(MEMSIM_SOURCE_DIR) / "tests" / "cli" / "ostep" / "paging-policy";
    static const std::regex totals(R"(^FINALSTATS hits (\d+)   misses (\d+))");
    int traced_cases = 0, accesses = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() != ".args") continue;
        fs::path base = entry.path();
        base.replace_extension();
        const std::vector<std::string> args = lines_of(read_text(entry.path()));
        const bool from_file = std::find(args.begin(), args.end(), "-f") != args.end() ||
                               std::find(args.begin(), args.end(), "--addressfile") != args.end();
        if (from_file) continue;  // a problem has no files to read
        const std::string code = read_text(base.string() + ".code");
        INFO("paging-policy.py case " << base.filename().string());
        const auto problem = ostep_problem("paging-policy.py", args);
        const std::string out = read_text(base.string() + ".stdout");
        const std::vector<CacheAccess> printed = printed_accesses(out);
        std::optional<std::pair<int, int>> final_stats;
        for (const std::string& line : lines_of(out)) {
            std::smatch m;
            if (std::regex_search(line, m, totals)) final_stats = std::pair{std::stoi(m[1]), std::stoi(m[2])};
        }
        if (code.rfind("0", 0) != 0 || !final_stats) {  // refused, or the script only asks (no -c)
            if (code.rfind("0", 0) != 0) CHECK_FALSE(problem.has_value());
            continue;
        }
        REQUIRE(problem.has_value());
        int hits = 0;
        for (const CacheAccess& a : problem->accesses) hits += a.hit ? 1 : 0;
        CHECK(hits == final_stats->first);
        CHECK(static_cast<int>(problem->accesses.size()) - hits == final_stats->second);
        if (printed.empty()) continue;  // -N: totals only
        ++traced_cases;
        REQUIRE(problem->accesses.size() == printed.size());
        for (std::size_t i = 0; i < printed.size(); ++i) {
            INFO("reference " << i);
            const CacheAccess& a = problem->accesses[i];
            CHECK(a.page == printed[i].page);
            CHECK(a.hit == printed[i].hit);
            CHECK(a.victim == printed[i].victim);
            CHECK(a.cache == printed[i].cache);
            CHECK_FALSE(explain_cache_access(*problem, i).empty());
            ++accesses;
        }
    }
    CHECK(traced_cases >= 30);
    CHECK(accesses >= 300);
}

// The app reads no files: a CLOCK or RAND scenario made from -f carries the references as
// -a, and that command poses the very problem the script solved reading the file.
TEST_CASE("A CLOCK or RAND scenario from a reference file replays the script's run on it", "[ostep][problem]") {
    const fs::path dir = fs::path(MEMSIM_SOURCE_DIR) / "tests" / "cli" / "ostep";
    const FileReader read = [&](const std::string& path) -> std::optional<std::string> { return read_text(dir / path); };
    for (const char* name : {"file-clock", "file-rand"}) {
        INFO(name);
        const fs::path base = dir / "paging-policy" / name;
        const std::vector<std::string> args = lines_of(read_text(base.string() + ".args"));
        const auto text = ostep_scenario("paging-policy.py", args, read);
        REQUIRE(text.has_value());
        CHECK(text->find("kind = \"ostep\"") != std::string::npos);
        const std::string body = text->substr(text->rfind("+++\n") + 4);
        std::vector<std::string> words = split_command_line(body);
        REQUIRE(words.size() > 1);
        CHECK(words[0] == "paging-policy.py");
        const auto problem = ostep_problem(words[0], std::vector<std::string>(words.begin() + 1, words.end()));
        REQUIRE(problem.has_value());
        const std::vector<CacheAccess> printed = printed_accesses(read_text(base.string() + ".stdout"));
        REQUIRE(printed.size() >= 5);
        REQUIRE(problem->accesses.size() == printed.size());
        for (std::size_t i = 0; i < printed.size(); ++i) {
            CHECK(problem->accesses[i].victim == printed[i].victim);
            CHECK(problem->accesses[i].cache == printed[i].cache);
        }
    }
}
