#pragma once
// CPU time per frame of the app (events, panels, ImGui, GL submission), kept for the
// last frames so the page can read it: memsim.perf() in the JS API, the page benchmark
// (tests/browser/bench.mjs) and BENCHMARKS.md. It measures; nothing depends on it.
#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace memsim::platform {

// A summary of the recorded frames.
struct FrameStats {
    double mean_ms = 0;        // mean CPU milliseconds per frame
    double p95_ms = 0;         // 95th percentile
    double max_ms = 0;         // slowest frame
    std::size_t frames = 0;    // frames in the window (at most FrameTimer::kWindow)
    long long total_frames = 0;  // frames timed since start
};

class FrameTimer {
public:
    static constexpr std::size_t kWindow = 120;  // the last two seconds at 60 frames/s

    void start() { started_ = std::chrono::steady_clock::now(); }
    void stop();
    // The frames recorded since the last reset (at most kWindow).
    FrameStats stats() const;
    // Forgets the recorded frames (a benchmark resets after loading its state).
    void reset();
    // stats() as JSON: {"frame_ms_mean":..,"frame_ms_p95":..,"frame_ms_max":..,"frames":..,"total_frames":..}
    std::string stats_json() const;

private:
    std::chrono::steady_clock::time_point started_{};
    std::vector<double> ring_;  // milliseconds, oldest overwritten first
    std::size_t next_ = 0;
    long long total_ = 0;
};

// The app's one frame timer (the frame loop starts and stops it).
FrameTimer& frame_timer();

}  // namespace memsim::platform
