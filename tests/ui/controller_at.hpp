#pragma once
// A controller with a built-in scenario loaded and sought to a step: the starting point
// of the panel view-model tests.
#include <catch2/catch.hpp>

#include <cstdint>

#include "ui/controller.hpp"

namespace memsim::ui {

inline Controller at(const char* builtin, std::uint64_t step) {
    Controller c;
    REQUIRE(c.execute(cmd::LoadBuiltin{builtin}).ok);
    c.execute(cmd::Seek{step});
    return c;
}

// A controller in quiz mode with a built-in scenario loaded, at its first step.
inline Controller quiz_on(const char* builtin) {
    Controller c;
    c.execute(cmd::SetQuizMode{true});
    REQUIRE(c.execute(cmd::LoadBuiltin{builtin}).ok);
    return c;
}

}  // namespace memsim::ui
