#include <catch2/catch.hpp>

#include <map>
#include <vector>

#include "memsim/minic/scan.hpp"

using namespace memsim::minic;

namespace {

class TextInput final : public ScanInput {
public:
    explicit TextInput(std::string text) : text_(std::move(text)) {}
    int peek() override { return at_ < text_.size() ? static_cast<unsigned char>(text_[at_]) : -1; }
    void advance() override { ++at_; }

private:
    std::string text_;
    std::size_t at_ = 0;
};

// Targets at addresses 1, 2, 3...; what each received.
class Recorder final : public ScanTargets {
public:
    bool next(std::uint64_t& vaddr) override {
        vaddr = ++given_;
        return given_ <= 4;
    }
    bool store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) override {
        values[vaddr] = {size, value};
        return true;
    }
    bool store_bytes(std::uint64_t vaddr, std::string_view bytes) override {
        texts[vaddr] = std::string(bytes);
        return true;
    }
    std::map<std::uint64_t, std::pair<std::uint32_t, std::uint64_t>> values{};
    std::map<std::uint64_t, std::string> texts{};

private:
    std::uint64_t given_ = 0;
};

ScanResult scan(const std::string& format, const std::string& text, Recorder& to) {
    TextInput input(text);
    return scan_format(format, input, to);
}

}  // namespace

TEST_CASE("scanf counts assignments, stops at a mismatch and gives EOF at the end", "[minic][scan]") {
    Recorder r;
    const ScanResult a = scan("%d,%x %s", " -12,ff word rest", r);
    CHECK(a.assigned == 3);
    CHECK(r.values[1] == std::pair<std::uint32_t, std::uint64_t>{4, static_cast<std::uint64_t>(-12)});
    CHECK(r.values[2].second == 255);
    CHECK(r.texts[3] == std::string("word\0", 5));
    CHECK(a.consumed == 12);
    Recorder m;
    CHECK(scan("%d %d", "7 x", m).assigned == 1);  // a matching failure keeps what was assigned
    Recorder e;
    CHECK(scan("%d", "   ", e).assigned == -1);  // the input ended before any conversion
}

TEST_CASE("scanf's widths, sets, %c and %n read the bytes C says", "[minic][scan]") {
    Recorder r;
    const ScanResult a = scan("%2d%[a-c]%3c%n", "123abcxyz!", r);
    CHECK(a.assigned == 1);  // %2d takes "12"; '3' is not in [a-c]: a matching failure
    Recorder t;
    const ScanResult b = scan("%2d%[a-c]%3c%n", "12abcxyz!", t);
    CHECK(b.assigned == 3);  // %n is not counted
    CHECK(t.values[1].second == 12);
    CHECK(t.texts[2] == std::string("abc\0", 4));
    CHECK(t.texts[3] == "xyz");  // %c adds no NUL
    CHECK(t.values[4].second == 8);
    Recorder s;
    CHECK(scan("%[^,],%s", "left part,right", s).assigned == 2);
    CHECK(s.texts[1] == std::string("left part\0", 10));
    Recorder f;
    const ScanResult refused = scan("%Lf", "1.5", f);
    CHECK(refused.assigned == 0);
    CHECK(refused.problem == "scanf cannot read this conversion: %Lf reads a long double, which MiniC does not have; read a double with %lf");
}

TEST_CASE("scanf's %f and %lf store a float's and a double's bits, gathered as glibc gathers them", "[minic][scan]") {
    Recorder r;
    const ScanResult a = scan("%f %lf%n", "0.1 -2.5e3x", r);
    CHECK(a.assigned == 2);
    CHECK(r.values[1] == std::pair<std::uint32_t, std::uint64_t>{4, 0x3DCCCCCDu});             // 0.1f, rounded once to float
    CHECK(r.values[2] == std::pair<std::uint32_t, std::uint64_t>{8, 0xC0A3880000000000ull});  // -2500.0
    CHECK(r.values[3].second == 10);                                                        // the 'x' is left
    Recorder e;
    CHECK(scan("%lf%n", "1e+", e).assigned == 1);  // glibc gathers "1e+" and strtod takes "1"
    CHECK(e.values[2].second == 3);
    Recorder h;
    CHECK(scan("%lf", "0x", h).assigned == 0);  // a bare hex prefix is a matching failure
    Recorder i;
    CHECK(scan("%lf", "infin", i).assigned == 0);  // "inf" then an incomplete "infinity"
}
