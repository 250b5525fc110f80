// The plain program that `memsim replace --trace F --format refs --summary --policy fifo`
// is measured against (issue #22): read the file in blocks, parse decimal page numbers,
// simulate FIFO with a direct-indexed page table, print the faults. No error messages,
// no write bits, no policies: the floor for the same work.
//   g++ -O2 -o /tmp/bare_fifo_trace tools/bare_fifo_trace.cpp
//   /usr/bin/time -v /tmp/bare_fifo_trace TRACE FRAMES
#include <fcntl.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    const int fd = open(argv[1], O_RDONLY);
    if (fd < 0) return 2;
    const auto frames = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
    std::vector<std::uint32_t> ids;  // the trace, one 32-bit page per reference
    std::vector<char> block(std::size_t{4} << 20);
    std::uint64_t value = 0;
    bool in_number = false;
    for (;;) {
        const ssize_t got = read(fd, block.data(), block.size());
        if (got <= 0) break;
        for (ssize_t i = 0; i < got; ++i) {
            const char c = block[static_cast<std::size_t>(i)];
            if (c >= '0' && c <= '9') {
                value = value * 10 + static_cast<std::uint64_t>(c - '0');
                in_number = true;
            } else if (in_number) {
                ids.push_back(static_cast<std::uint32_t>(value));
                value = 0;
                in_number = false;
            }
        }
    }
    if (in_number) ids.push_back(static_cast<std::uint32_t>(value));
    std::uint32_t max_page = 0;
    for (const auto p : ids) max_page = p > max_page ? p : max_page;
    constexpr std::uint32_t none = 0xFFFFFFFFu;
    std::vector<std::uint32_t> frame_of(std::size_t{max_page} + 1, none);
    std::vector<std::uint32_t> page_in(frames, none);
    std::uint32_t hand = 0;
    std::uint64_t faults = 0;
    for (const auto p : ids) {
        if (frame_of[p] != none) continue;
        ++faults;
        if (page_in[hand] != none) frame_of[page_in[hand]] = none;
        page_in[hand] = p;
        frame_of[p] = hand;
        hand = hand + 1 == frames ? 0 : hand + 1;
    }
    std::printf("references %zu, faults %llu\n", ids.size(), static_cast<unsigned long long>(faults));
    return 0;
}
