#include <catch2/catch.hpp>

#include "memsim/ostep/optparse.hpp"

using namespace memsim::ostep;

namespace {

constexpr OptionSpec specs[] = {
    {"-s", "--seed", "seed", OptionType::Int, "0", "the random seed"},
    {"-p", "--policy", "policy", OptionType::String, "FIFO", "replacement policy"},
    {"-c", "--compute", "solve", OptionType::Flag, "", "compute answers for me"},
};

ParseOutcome parse_demo(std::vector<std::string> args) { return parse_options("demo.py", specs, args); }

}  // namespace

// Each expectation is what Python 3.11's optparse does with the same add_option() calls.
TEST_CASE("parse_options reads values, clusters, long forms and abbreviations as optparse", "[ostep][optparse]") {
    auto r = parse_demo({"-cs5", "--pol=LRU", "word"});
    REQUIRE(r.run);
    CHECK(r.values.text("seed") == "5");
    CHECK(r.values.text("policy") == "LRU");
    CHECK(r.values.flag("solve"));
    r = parse_demo({"--se", "0x10", "--", "-c"});
    REQUIRE(r.run);
    CHECK(r.values.text("seed") == "16");
    CHECK_FALSE(r.values.flag("solve"));
    CHECK(r.values.text("solve") == "False");
    r = parse_demo({"--s", "1"});  // a unique prefix of --seed
    REQUIRE(r.run);
    CHECK(r.values.text("seed") == "1");
}

TEST_CASE("parse_options reports optparse's errors with the usage line and exit 2", "[ostep][optparse]") {
    const std::string usage = "Usage: demo.py [options]\n\ndemo.py: error: ";
    CHECK(parse_demo({"-x"}).err == usage + "no such option: -x\n");
    CHECK(parse_demo({"-s"}).err == usage + "-s option requires 1 argument\n");
    CHECK(parse_demo({"-s", "08"}).err == usage + "option -s: invalid integer value: '08'\n");
    CHECK(parse_demo({"--compute=1"}).err == usage + "--compute option does not take a value\n");
    CHECK(parse_demo({"-x"}).exit_code == 2);
}

TEST_CASE("parse_options prints the help for -h and exits 0", "[ostep][optparse]") {
    const auto r = parse_demo({"-h", "-x"});
    CHECK_FALSE(r.run);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "Usage: demo.py [options]\n\nOptions:\n"
                   "  -h, --help            show this help message and exit\n"
                   "  -s SEED, --seed=SEED  the random seed\n"
                   "  -p POLICY, --policy=POLICY\n"
                   "                        replacement policy\n"
                   "  -c, --compute         compute answers for me\n");
}
