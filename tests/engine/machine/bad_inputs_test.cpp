#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "memsim/machine/simulator.hpp"

namespace {
std::string read_text(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}
}  // namespace

TEST_CASE("Every file in tests/bad_inputs fails with exactly its reviewed error", "[machine][errors][bad_inputs]") {
    const std::filesystem::path folder = std::filesystem::path(MEMSIM_SOURCE_DIR) / "tests" / "bad_inputs";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        if (entry.path().extension() != ".msim") continue;
        INFO(entry.path().filename().string());
        auto expected = read_text(std::filesystem::path(entry.path()).replace_extension(".expected"));
        while (!expected.empty() && expected.back() == '\n') expected.pop_back();
        const auto sim = memsim::machine::Simulator::load(read_text(entry.path()));
        REQUIRE_FALSE(sim);
        CHECK(sim.error().to_string() == expected);
        ++checked;
    }
    CHECK(checked >= 40);
}
