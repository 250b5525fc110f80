#include "memsim/vm/working_set.hpp"

#include <algorithm>

namespace memsim::vm {

std::vector<std::uint32_t> working_set_sizes(std::span<const std::uint32_t> pages, std::uint64_t delta,
                                             std::uint32_t page_space) {
    std::vector<std::uint32_t> sizes;
    sizes.reserve(pages.size());
    std::vector<std::uint32_t> in_window(page_space, 0);  // references of each page in the window
    std::uint32_t distinct = 0;
    for (std::size_t t = 0; t < pages.size(); ++t) {
        if (in_window[pages[t]]++ == 0) ++distinct;
        if (t >= delta) {
            const std::uint32_t leaving = pages[t - static_cast<std::size_t>(delta)];
            if (--in_window[leaving] == 0) --distinct;
        }
        sizes.push_back(distinct);
    }
    return sizes;
}

std::vector<std::uint32_t> working_set_at(std::span<const std::uint32_t> pages, std::size_t t, std::uint64_t delta) {
    const std::size_t first = t + 1 >= delta ? t + 1 - static_cast<std::size_t>(delta) : 0;
    std::vector<std::uint32_t> set(pages.begin() + static_cast<std::ptrdiff_t>(first),
                                   pages.begin() + static_cast<std::ptrdiff_t>(t + 1));
    std::sort(set.begin(), set.end());
    set.erase(std::unique(set.begin(), set.end()), set.end());
    return set;
}

std::vector<double> fault_frequency(std::span<const std::uint8_t> faults, std::uint64_t window) {
    std::vector<double> rates;
    rates.reserve(faults.size());
    std::uint64_t in_window = 0;
    for (std::size_t t = 0; t < faults.size(); ++t) {
        in_window += faults[t];
        if (t >= window) in_window -= faults[t - static_cast<std::size_t>(window)];
        const std::uint64_t span = std::min<std::uint64_t>(window, t + 1);
        rates.push_back(static_cast<double>(in_window) / static_cast<double>(span));
    }
    return rates;
}

}  // namespace memsim::vm
