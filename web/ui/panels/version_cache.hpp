#pragma once
// A value derived from a panel's view, rebuilt only when the view's version changes
// (once per step rather than once per frame). One cache per call site: `make` is a
// lambda, so each site instantiates its own statics.
#include <cstdint>

namespace memsim::ui {

template <class T, class Make>
const T& cached_for_version(std::uint64_t version, Make&& make) {
    static T value;
    static std::uint64_t seen = ~0ull;
    if (seen != version) {
        value = make();
        seen = version;
    }
    return value;
}

}  // namespace memsim::ui
