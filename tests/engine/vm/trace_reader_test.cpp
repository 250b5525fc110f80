#include <catch2/catch.hpp>

#include <string>

#include "memsim/core/prng.hpp"
#include "memsim/vm/trace_reader.hpp"

using namespace memsim::vm;

namespace {

// Feeds `text` in pieces cut after random line ends, as the CLI reads a file.
memsim::Result<LoadedTrace> read_in_pieces(const std::string& text, TraceFormat format, std::uint64_t seed,
                                           const TraceOptions& options = {}) {
    memsim::Prng rng{seed};
    TraceReader reader(format, options, text.size());
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.size();
        for (std::size_t cut = start + static_cast<std::size_t>(rng.below(200)); cut < text.size(); ++cut) {
            if (text[cut] == '\n') {
                end = cut + 1;
                break;
            }
        }
        const auto fed = reader.feed(std::string_view(text).substr(start, end - start));
        if (!fed) return tl::unexpected(fed.error());
        start = end;
    }
    return std::move(reader).finish();
}

}  // namespace

TEST_CASE("A trace read in pieces equals the trace read whole and densified", "[vm][trace][property]") {
    memsim::Prng rng{17};
    for (int round = 0; round < 40; ++round) {
        std::string refs, rw;
        const std::uint64_t spread = round % 3 == 0 ? 40 : round % 3 == 1 ? (1u << 22) : (std::uint64_t{1} << 40);
        for (int i = 0; i < 300; ++i) {
            const std::uint64_t page = rng.below(spread);
            const bool write = round % 2 == 0 && rng.below(3) == 0;
            refs += std::to_string(page) + (write ? "w" : "") + (rng.below(4) == 0 ? "\n" : ",");
            rw += std::string(write ? "W " : "R ") + std::to_string(page * 4096 + rng.below(4096)) + "\n";
            if (rng.below(20) == 0) refs += "\n# a comment, 12\n";
        }
        for (const auto& [text, format] : {std::pair{refs, TraceFormat::Refs}, std::pair{rw, TraceFormat::ReadWrite}}) {
            const auto whole = parse_trace(text, format, {});
            REQUIRE(whole);
            const DenseTrace expected = densify(*whole);
            const auto pieces = read_in_pieces(text, format, static_cast<std::uint64_t>(round));
            REQUIRE(pieces);
            CHECK(pieces->trace.ids == expected.ids);
            CHECK(pieces->trace.pages == expected.pages);
            const bool any_write = round % 2 == 0;
            if (any_write) CHECK(pieces->trace.writes == expected.writes);
            else CHECK(pieces->trace.writes.empty());  // a read-only trace stores no write bytes
            CHECK_FALSE(pieces->names_processes);
        }
    }
}

TEST_CASE("An error in a later piece names its line in the whole input", "[vm][trace]") {
    TraceReader reader(TraceFormat::ReadWrite, {});
    REQUIRE(reader.feed("R 0x10\nW 0x20\n"));
    REQUIRE(reader.feed("\nR 0x30\n"));
    const auto bad = reader.feed("R 0x40\nQ 0x50\n");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().line == 6);
    CHECK(bad.error().column == 1);
}

TEST_CASE("A trace reader says when the trace names processes and refuses an empty trace", "[vm][trace]") {
    TraceReader named(TraceFormat::ReadWrite, {});
    REQUIRE(named.feed("R 0x10\nP2 W 0x2000\n"));
    const auto loaded = std::move(named).finish();
    REQUIRE(loaded);
    CHECK(loaded->names_processes);
    TraceReader empty(TraceFormat::Refs, {});
    REQUIRE(empty.feed("# nothing\n\n"));
    CHECK_FALSE(std::move(empty).finish());
}
