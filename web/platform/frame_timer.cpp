#include "platform/frame_timer.hpp"

#include <algorithm>
#include <cstdio>

namespace memsim::platform {

void FrameTimer::stop() {
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started_).count();
    if (ring_.size() < kWindow) {
        ring_.push_back(ms);
    } else {
        ring_[next_] = ms;
        next_ = (next_ + 1) % kWindow;
    }
    ++total_;
}

FrameStats FrameTimer::stats() const {
    FrameStats s;
    s.frames = ring_.size();
    s.total_frames = total_;
    if (ring_.empty()) return s;
    std::vector<double> sorted = ring_;
    std::sort(sorted.begin(), sorted.end());
    double sum = 0;
    for (const double ms : sorted) sum += ms;
    s.mean_ms = sum / static_cast<double>(sorted.size());
    // Nearest rank: the smallest value with at least 95% of the frames at or below it.
    const std::size_t rank = (sorted.size() * 95 + 99) / 100;
    s.p95_ms = sorted[std::max<std::size_t>(rank, 1) - 1];
    s.max_ms = sorted.back();
    return s;
}

void FrameTimer::reset() {
    ring_.clear();
    next_ = 0;
}

std::string FrameTimer::stats_json() const {
    const FrameStats s = stats();
    char text[200];
    std::snprintf(text, sizeof text,
                  "{\"frame_ms_mean\":%.4f,\"frame_ms_p95\":%.4f,\"frame_ms_max\":%.4f,\"frames\":%zu,\"total_frames\":%lld}",
                  s.mean_ms, s.p95_ms, s.max_ms, s.frames, s.total_frames);
    return text;
}

FrameTimer& frame_timer() {
    static FrameTimer timer;
    return timer;
}

}  // namespace memsim::platform
